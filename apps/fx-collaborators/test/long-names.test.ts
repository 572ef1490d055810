// The collaborators app with what administrators type at its schema limits (a 100-character project, environment,
// flag and audience, 64-character keys, a 200-character collaborator with a 254-character email; Japanese, Arabic,
// emoji and one unbroken run in each): at 1280 and 390 px no page scrolls sideways, and every such name reads whole
// in tables, crumbs, switches, selects and toasts, clear of the controls around it.
import {
  apiAs,
  browserSuite,
  desktopAndPhone,
  expectPagesShownWhole,
  expectShownWhole,
  invitePerson,
  longPerson,
  longText,
  signIn,
} from "@gatehouse/e2e";
import { beforeAll, describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/fx-collaborators/${path}`;

const project = longText("Shop", 100);
const environment = longText("Stage", 100);
const flag = longText("Flag", 100);
const audience = longText("Crowd", 100);
const { name: person, email } = longPerson;
/** A key at its limit: 64 characters, none a line may break at. */
const key = (lead: string) => lead + "k".repeat(64 - lead.length);
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
let collaborator = "";

/** Made as acme's Experimentation administrator makes them, through the API the apps call. */
beforeAll(async () => {
  const admin = await apiAs(suite, app(), "exp-administrator@acme.example");
  const projects = (await admin.call(
    "projects.list",
    { org: "acme", instance: "acme-exp" },
    "GET",
  )) as Array<{
    id: string;
    version: number;
  }>;
  const version = projects.find((p) => p.id === checkout.project)?.version;
  await admin.call("projects.rename", { id: checkout.project, version, name: project });
  await admin.call("environments.create", {
    project: checkout.project,
    key: key("stage"),
    name: environment,
  });
  await admin.call("flags.create", { project: checkout.project, key: key("flag"), name: flag });
  await admin.call("audiences.create", { project: checkout.project, key: key("crowd"), name: audience });
  await invitePerson(admin.call, "acme", longPerson, { role: "experimentation:viewer", scope: checkout });
  // The collaborator's page, as the collaborators list links it.
  await admin.page.goto(app("projects/acme-checkout/collaborators"));
  const href = await admin.page.getByRole("link", { name: person }).first().getAttribute("href");
  collaborator = href?.split("/").pop() ?? "";
  await admin.close();
});

/** Each page with the long texts it names. */
const pages = (): ReadonlyArray<readonly [string, ReadonlyArray<string>]> => [
  ["projects", [project]],
  ["projects/acme-checkout/flags", [project, flag, environment]],
  ["projects/acme-checkout/collaborators", [project, person, email]],
  ["projects/acme-checkout/audiences", [audience]],
  [`projects/acme-checkout/collaborators/${collaborator}`, [person, flag, environment]],
];

describe("long names in the collaborators app", () => {
  for (const [size, viewport] of desktopAndPhone) {
    it(`shows every page that names them without sideways scroll (${size})`, async () => {
      const page = await suite.newPage(viewport);
      await signIn(page, app(), "exp-administrator@acme.example");
      await expectPagesShownWhole(page, app, pages(), `long-${size}`, (path) =>
        path.replace(collaborator, "collaborator"),
      );
    });
  }

  it("names the flag and the environment whole in the toast of a toggle", async () => {
    const page = await suite.newPage();
    await signIn(page, app("projects/acme-checkout/flags"), "exp-administrator@acme.example");
    // Mantine's switch draws its own track over the input: clicked where it is, once the server allows it.
    const toggle = page.getByRole("switch", { name: `${flag} in ${environment}` });
    await expect.poll(() => toggle.isDisabled(), { timeout: 15_000 }).toBe(false);
    await toggle.click({ force: true });
    await page
      .getByRole("alert")
      .filter({ hasText: `${flag} is on in ${environment}` })
      .waitFor();
    await expectShownWhole(page, [`${flag} is on in ${environment}`], "long-desktop-flag-toggled-toast");
  });
});
