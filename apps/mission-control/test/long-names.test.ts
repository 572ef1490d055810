// Mission Control with instance names at their schema limit (100 characters of Japanese, Arabic, emoji and one
// unbroken run): at 1280 and 390 px no page scrolls sideways, and every such name reads whole in tables, headings,
// crumbs, the operations history and the run dialog, clear of the controls around it.
import {
  apiAs,
  browserSuite,
  desktopAndPhone,
  expectPagesShownWhole,
  expectShownWhole,
  longText,
  renameInstance,
  signIn,
} from "@gatehouse/e2e";
import { beforeAll, describe, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/mission-control/${path}`;

const production = longText("Live", 100);
const sandbox = longText("Trial", 100);

/** Renamed by acme's super admin through the API the Admin Center calls; then one operation on the sandbox. */
beforeAll(async () => {
  const admin = await apiAs(suite, `${suite.origin}/admin-center/`, "admin@acme.example");
  const where = { org: "acme", product: "mission-control" };
  await renameInstance(admin.call, { ...where, id: "acme-mc-production" }, production);
  await renameInstance(admin.call, { ...where, id: "acme-mc-sandbox" }, sandbox);
  await admin.close();
  const customer = await apiAs(suite, app(), "customeradmin@acme.example");
  await customer.call("operations.run", { instance: "acme-mc-sandbox", action: "site.restart" });
  await customer.close();
});

const pages = [
  ["customers/acme", [production, sandbox]],
  ["customers/acme/instances/acme-mc-production", [production]],
  ["customers/acme/instances/acme-mc-sandbox", [sandbox]],
  ["history", [sandbox]],
] as const;

describe("long names in Mission Control", () => {
  for (const [size, viewport] of desktopAndPhone) {
    it(`shows every page that names them without sideways scroll (${size})`, async () => {
      const page = await suite.newPage(viewport);
      await signIn(page, app(), "customeradmin@acme.example");
      await expectPagesShownWhole(page, app, pages, `long-${size}`);
    });

    it(`names the instance whole in the run dialog (${size})`, async () => {
      const page = await suite.newPage(viewport);
      await signIn(page, app("customers/acme/instances/acme-mc-sandbox"), "customeradmin@acme.example");
      await page.getByRole("button", { name: "Production database sync" }).click();
      await page.getByRole("dialog", { name: `Production database sync on ${sandbox}?` }).waitFor();
      await expectShownWhole(
        page,
        [`Production database sync on ${sandbox}?`, `Type "${sandbox}" to confirm`],
        `long-${size}-run-dialog`,
      );
    });
  }
});
