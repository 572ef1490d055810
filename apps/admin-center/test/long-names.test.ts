// The Admin Center with what administrators type at its schema limits (a 200-character custom role and its
// 1000-character description and partner note, a 100-character group and instance, a 200-character person with a
// 254-character email; Japanese, Arabic, emoji, one unbroken run in each): at 1280 and 390 px no page scrolls
// sideways, and every such text reads whole (wrapped, or cut short with its full text as its title), clear of controls.
import {
  apiAs,
  browserSuite,
  desktopAndPhone,
  expectPagesShownWhole,
  expectShownWhole,
  invitePerson,
  longPerson,
  longText,
  renameInstance,
  signIn,
} from "@gatehouse/e2e";
import { beforeAll, describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/admin-center/${path}`;
/** expect.poll waits this long: the machine is shared, and a page may take a few seconds to settle. */
const poll = { timeout: 15_000 };

const role = longText("Role", 200);
const description = longText("About", 1000);
const group = longText("Group", 100);
const { name: person, email } = longPerson;
const instance = longText("Site", 100);
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const pim = "acme-pim";
const note = longText("Note", 1000);
const made = { role: "", group: "", user: "" };

/** Made as an administrator makes them, through the API the app calls, signed in as acme's super admin. */
beforeAll(async () => {
  const admin = await apiAs(suite, app(), "admin@acme.example");
  await renameInstance(admin.call, { org: "acme", product: "pim", id: pim }, instance);
  const custom = { ...cms, name: role, description, duplicateFrom: "cms:content-editors" };
  made.role = ((await admin.call("roles.createCustom", custom)) as { id: string }).id;
  made.group = ((await admin.call("groups.create", { org: "acme", name: group })) as { id: string }).id;
  await invitePerson(admin.call, "acme", longPerson, { role: made.role, scope: cms });
  const found = (await admin.call("users.list", { org: "acme", search: "aino" }, "GET")) as {
    items: Array<{ id: string }>;
  };
  made.user = found.items[0]?.id ?? "";
  await admin.close();
  const partner = await apiAs(suite, app(), "partneruser@agency.example");
  const request = { customerOrg: "acme", role: "mission-control:partnerAdmin", path: "direct", note };
  await partner.call("accessRequests.request", request);
  await partner.close();
});

/** Each page with the long texts it names. */
const pages = (): ReadonlyArray<readonly [string, ReadonlyArray<string>]> => [
  ["roles", [role]],
  [`roles/${made.role}`, [role, description]],
  ["groups", [group]],
  [`groups/${made.group}`, [group]],
  ["users", [person, email]],
  [`users/${made.user}`, [person, email, role]],
  ["invitations", [email, person, role]],
  ["products/pim", [instance]],
  [`products/pim/instances/${pim}`, [instance]],
  ["products/cms/instances/acme-cms", [person, email]],
  ["access-matrix?product=cms", [role, person]],
  ["audit", [group]],
  ["outbox", [email]],
  ["access-requests", [note]],
];

describe("long names in the Admin Center", () => {
  for (const [size, viewport] of desktopAndPhone) {
    it(`shows every page that names them without sideways scroll (${size})`, async () => {
      const page = await suite.newPage(viewport);
      await signIn(page, app(), "admin@acme.example");
      await expectPagesShownWhole(page, app, pages(), `long-${size}`, (path) =>
        path.replace(made.role, "role").replace(made.group, "group").replace(made.user, "user"),
      );
    });

    it(`offers the long role and instance whole on the invite page (${size})`, async () => {
      const page = await suite.newPage(viewport);
      await signIn(page, app("invite"), "admin@acme.example");
      const access = page.getByRole("group", { name: "Access 1" });
      const choose = async (select: string, option: string) => {
        await access.getByRole("combobox", { name: select }).click();
        await page.getByRole("option", { name: option, exact: true }).click();
      };
      await choose("Product", "Product Information Management");
      await access.getByRole("combobox", { name: "Instance" }).click();
      await page.getByRole("option", { name: instance }).waitFor();
      await expectShownWhole(page, [instance], `long-${size}-invite-instances`);
      await page.keyboard.press("Escape");
      await choose("Product", "CMS");
      await choose("Instance", "Acme Site");
      await page.getByRole("radio", { name: role }).waitFor();
      await expectShownWhole(page, [role, `Custom role · ${description}`], `long-${size}-invite-roles`);
    });
  }

  it("keeps the Roles table's columns within its container at 1280 px", async () => {
    const page = await suite.newPage();
    await signIn(page, app("roles"), "admin@acme.example");
    const table = page.getByRole("table", { name: "Roles" });
    await table.getByRole("link", { name: role }).waitFor();
    const overflow = () => table.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0));
    await expect.poll(overflow, poll).toBeLessThanOrEqual(0);
  });

  it("keeps the partner requests' Decision column within its container at 1280 px, beside a long note", async () => {
    const page = await suite.newPage();
    await signIn(page, app("access-requests"), "admin@acme.example");
    const table = page.getByRole("table", { name: "Partner access requests" });
    await table.getByText(note).waitFor();
    const overflow = () => table.evaluate((t) => t.scrollWidth - (t.parentElement?.clientWidth ?? 0));
    await expect.poll(overflow, poll).toBeLessThanOrEqual(0);
  });

  it("names them whole in a confirmation and a toast", async () => {
    const page = await suite.newPage();
    await signIn(page, app(`roles/${made.role}`), "admin@acme.example");
    await page.getByRole("button", { name: `Delete ${role}` }).click();
    const dialog = page.getByRole("dialog", { name: "Delete custom role" });
    await dialog.waitFor();
    await expectShownWhole(page, [role], "long-desktop-delete-role-dialog");
    await dialog.getByRole("button", { name: "Keep role" }).click();

    const crew = longText("Crew", 100);
    await page.goto(app("groups"));
    await page.getByRole("button", { name: "Create group" }).click();
    await page.getByLabel("Group name").fill(crew);
    await page
      .getByRole("dialog", { name: "Create a group" })
      .getByRole("button", { name: "Create group" })
      .click();
    await page.getByRole("alert").filter({ hasText: "Created the group" }).waitFor();
    await expectShownWhole(page, [crew], "long-desktop-group-created-toast");
  });
});
