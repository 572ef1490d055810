// Browser tests of the Roles and Groups areas (real headless Chromium against the `pnpm start` server): the
// roles list and its filters, a read-only system role, creating, duplicating, editing and deleting custom
// roles, the refused Add role and Duplicate with their "Why?", and custom groups with a member.
import { browserSuite, screenshot, signIn, whyShown } from "@gatehouse/e2e";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

/** expect.poll waits this long: the machine is shared, and a page may take a few seconds to settle. */
const poll = { timeout: 15_000 };

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const pim = "Product Information Management";

/** What the server answers to a query, asked with the page's session (the UI's claims checked at the source). */
const query = async <T>(procedure: string, input: unknown): Promise<T> => {
  const response = await page.request.get(
    `${suite.origin}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
};

interface Role {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly instance: string | null;
  readonly duplicatedFrom: string | null;
  readonly permissions: ReadonlyArray<string>;
  readonly version: number;
}

/** A full-page screenshot from the top of the page (the shell's header is fixed). */
const shot = async (name: string, target: Page = page) => {
  await target.evaluate(() => window.scrollTo(0, 0));
  await screenshot(target, name);
};

/** Opens a Mantine select by its label and picks an option. */
const choose = async (label: string, option: string) => {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
};

/** The text of every cell of one column of the table labelled `table`. */
const column = async (table: string, index: number) =>
  page.getByRole("table", { name: table }).locator(`tbody tr td:nth-child(${index})`).allTextContents();

const createRole = async (name: string, permissions: ReadonlyArray<string>) => {
  await page.goto(app("roles/new"));
  await page.getByLabel("Role name").fill(name);
  await choose("Product", pim);
  await choose("Instance", "Acme PIM");
  for (const permission of permissions) await page.getByRole("checkbox", { name: permission }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("heading", { name: `${pim}-Acme PIM-${name}` }).waitFor();
};

describe("Roles", () => {
  it("creates a custom role from scratch, with permissions picked per entity", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("roles"));
    await page.getByRole("button", { name: "Add role" }).click();
    await page.waitForURL("**/admin-center/roles/new");
    await page.getByLabel("Role name").fill("Catalog editors");
    await page.getByLabel("Description").fill("Edits the catalog, never settings");
    await choose("Product", pim);
    await choose("Instance", "Acme PIM");
    // The name comes from the server's dry run (roles.validate), not from the page.
    await page.getByText(`Saved as "${pim}-Acme PIM-Catalog editors"`).waitFor();
    // Products without custom roles are offered disabled, with the reason.
    await page.getByRole("combobox", { name: "Product", exact: true }).click();
    await expect(
      page
        .getByRole("option", { name: "Configured Commerce (no custom roles)" })
        .getAttribute("data-combobox-disabled"),
    ).resolves.toBe("true");
    await page.keyboard.press("Escape");
    await page.getByRole("checkbox", { name: "All of category (0/4)" }).check();
    await page.getByRole("checkbox", { name: "Edit products" }).check();
    await shot("roles-new");
    await page.getByRole("button", { name: "Save", exact: true }).click();

    await page.getByRole("heading", { name: `${pim}-Acme PIM-Catalog editors` }).waitFor();
    await expect(
      page.getByRole("region", { name: "Actions on category" }).locator("li").count(),
    ).resolves.toBe(4);
    await expect(page.getByRole("region", { name: "Actions on product" }).textContent()).resolves.toContain(
      "Edit products",
    );
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
    const saved = await query<Role>("roles.get", { id });
    expect(saved.type).toBe("custom");
    expect(saved.instance).toBe("acme-pim");
    expect([...saved.permissions].sort()).toEqual([
      "pim:category.add",
      "pim:category.delete",
      "pim:category.edit",
      "pim:category.import",
      "pim:product.edit",
    ]);
  });

  it("filters the list by product and instance, with a Type column", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("roles"));
    await page.getByRole("table", { name: "Roles" }).waitFor();
    await choose("Product", pim);
    await expect.poll(async () => new Set(await column("Roles", 2)), poll).toEqual(new Set([pim]));
    await expect
      .poll(async () => new Set(await column("Roles", 4)), poll)
      .toEqual(new Set(["System", "Custom"]));
    await choose("Instance", "Acme PIM");
    const names = await column("Roles", 1);
    expect(names).toContain(`${pim}-Acme PIM-Catalog editors`);
    expect(names).toContain("PIM_Admin");
    await shot("roles-list");
    await page.getByRole("radiogroup", { name: "Type" }).getByText("Custom").click();
    await expect.poll(async () => new Set(await column("Roles", 4)), poll).toEqual(new Set(["Custom"]));
    await choose("Product", "CMS");
    await expect.poll(async () => new Set(await column("Roles", 2)), poll).toEqual(new Set());
  });

  it("shows a system role read-only, every action grouped by entity", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("roles"));
    await choose("Product", pim);
    await page.getByRole("link", { name: "PIM_Admin", exact: true }).click();
    await page.getByRole("heading", { name: "PIM_Admin" }).waitFor();
    await page.getByText("System role: read-only").waitFor();
    expect(await page.getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
    for (const entity of ["settings", "category", "product", "asset"])
      await page.getByRole("region", { name: `Actions on ${entity}` }).waitFor();
    await expect(page.getByRole("region", { name: "Actions on asset" }).locator("li").count()).resolves.toBe(
      4,
    );
    await expect(page.getByLabel("Breadcrumbs").textContent()).resolves.toContain("Roles");
    await shot("roles-system-role");
  });

  it("duplicates a role: its permissions are carried over and can be changed", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("roles/pim%3APIM_Manager"));
    await page.getByRole("button", { name: "Duplicate" }).click();
    await page.waitForURL("**/roles/new?duplicate=*");
    await expect(page.getByRole("radio", { name: "Yes, duplicate a role" }).isChecked()).resolves.toBe(true);
    await expect
      .poll(
        () => page.getByRole("checkbox", { name: "Properties and Product Templates tabs" }).isChecked(),
        poll,
      )
      .toBe(true);
    await expect(
      page.getByRole("checkbox", { name: "Settings and Team Members tabs" }).isChecked(),
    ).resolves.toBe(false);
    await page.getByLabel("Role name").fill("Managers without deletes");
    await choose("Instance", "Acme PIM");
    await page.getByRole("checkbox", { name: "Delete categories" }).uncheck();
    await shot("roles-duplicate");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: `${pim}-Acme PIM-Managers without deletes` }).waitFor();
    await page.getByText("Duplicated from").waitFor();
    await expect(page.getByText("pim:PIM_Manager").count()).resolves.toBe(0);

    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
    const [copy, origin] = await Promise.all([
      query<Role>("roles.get", { id }),
      query<Role>("roles.get", { id: "pim:PIM_Manager" }),
    ]);
    expect(copy.duplicatedFrom).toBe("pim:PIM_Manager");
    // The page names the role it was duplicated from, never its id.
    await page.getByRole("link", { name: origin.name, exact: true }).waitFor();
    expect([...copy.permissions].sort()).toEqual(
      origin.permissions.filter((p) => p !== "pim:category.delete").sort(),
    );
  });

  it("edits a custom role, and says so when someone changed it meanwhile", async () => {
    await signIn(page, app(), "admin@acme.example");
    await createRole("Asset keepers", ["Create assets"]);
    const url = page.url();
    const id = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");

    // A second tab opens the editor on the same version first.
    const other = await context.newPage();
    await other.goto(url);
    await other.getByRole("button", { name: "Edit" }).click();

    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Role name").fill("Asset managers");
    await page.getByRole("checkbox", { name: "Delete assets" }).check();
    await shot("roles-edit");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Asset managers" }).waitFor();
    const saved = await query<Role>("roles.get", { id });
    expect(saved.name).toBe("Asset managers");
    expect([...saved.permissions].sort()).toEqual(["pim:asset.create", "pim:asset.delete"]);
    expect(saved.version).toBe(2);

    await other.getByRole("checkbox", { name: "Edit assets" }).check();
    await other.getByRole("button", { name: "Save changes" }).click();
    await other.getByText("This role was changed meanwhile").waitFor();
    await shot("roles-edit-conflict", other);
    await other.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => other.getByLabel("Role name").inputValue(), poll).toBe("Asset managers");
    expect((await query<Role>("roles.get", { id })).permissions).not.toContain("pim:asset.edit");
  });

  it("deletes a custom role after a confirmation; it is gone from the list", async () => {
    await signIn(page, app(), "admin@acme.example");
    await createRole("Short lived", ["Import assets"]);
    const name = `${pim}-Acme PIM-Short lived`;
    await page.goto(app("roles"));
    await page.getByRole("radiogroup", { name: "Type" }).getByText("Custom").click();
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: "Delete custom role" });
    await dialog.getByText(name).waitFor();
    await page.waitForTimeout(400); // the modal's fade-in, so the screenshot shows it
    await shot("roles-delete-confirm");
    await dialog.getByRole("button", { name: "Delete role" }).click();
    await page.getByText(`Deleted the custom role "${name}"`).waitFor();
    await expect.poll(() => page.getByRole("link", { name, exact: true }).count(), poll).toBe(0);
    const roles = await query<ReadonlyArray<Role>>("roles.list", { type: "custom" });
    expect(roles.map((r) => r.name)).not.toContain(name);
  });

  it("a product admin's Duplicate is disabled with the server's reason when its Save could never work", async () => {
    await signIn(page, app(), "product-admin@acme.example");
    await page.goto(app("roles/cms%3Acontent-editors"));
    await page.getByRole("heading", { name: "Content Editors" }).waitFor();
    const duplicate = page.getByRole("button", { name: "Duplicate Content Editors" });
    await expect.poll(() => duplicate.isDisabled(), poll).toBe(true);
    await page.getByRole("button", { name: "Why?" }).click();
    await expect
      .poll(() => page.getByTestId("why-refused").textContent(), poll)
      .toMatch(/Create custom roles needs Roles Admin together with one of .*Product Admin/);
    await whyShown(page);
    await screenshot(page, "roles-duplicate-refused");

    // The roles list asks the same of every row's Duplicate.
    await page.goto(app("roles"));
    const listed = page.getByRole("button", { name: "Duplicate Content Editors" });
    await expect.poll(() => listed.isDisabled(), poll).toBe(true);

    // The super admin may: the same button is enabled.
    const admin = await (await suite.browser.newContext()).newPage();
    await signIn(admin, app(), "admin@acme.example");
    await admin.goto(app("roles/cms%3Acontent-editors"));
    const allowed = admin.getByRole("button", { name: "Duplicate Content Editors" });
    await expect.poll(() => allowed.isDisabled(), poll).toBe(false);
    await admin.context().close();
  });

  it("an instance admin has no Roles section (seed 001: instances and users), and the API refuses it", async () => {
    await signIn(page, app(), "instance-admin@acme.example");
    expect(
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).count(),
    ).toBe(0);
    await page.goto(app("roles/new"));
    await page.getByRole("heading", { name: "Roles is not available to your role" }).waitFor();
    await shot("roles-create-refused");

    const csrf = (await context.cookies()).find((c) => c.name === "gatehouse_csrf")?.value ?? "";
    const refused = await page.request.post(`${suite.origin}/trpc/roles.createCustom`, {
      headers: { "content-type": "application/json", "x-csrf-token": csrf },
      data: { roleName: "Sneaky", product: "cms", instance: "acme-cms", permissions: [] },
    });
    expect(refused.status()).toBe(403);
  });
});

describe("Groups", () => {
  it("creates a group, adds a member, and lists it with its member", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("groups"));
    await page.getByRole("table", { name: "Groups" }).waitFor();
    expect(await column("Groups", 2)).toContain("Everyone");
    await page.getByRole("button", { name: "Create group" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a group" });
    await dialog.getByLabel("Group name").fill("Release managers");
    await dialog.getByRole("button", { name: "Create group" }).click();
    await page.getByText('Created the group "Release managers"').waitFor();
    await page.getByRole("link", { name: "Release managers" }).click();

    await page.getByRole("heading", { name: "Release managers" }).waitFor();
    await page.getByRole("combobox", { name: "Add a member" }).fill("olga");
    await page.getByRole("option", { name: "Olga Owner (project-owner@acme.example)" }).click();
    await page.getByRole("button", { name: "Add member" }).click();
    const members = page.getByRole("table", { name: "Members" });
    await members.getByText("project-owner@acme.example").waitFor();
    await expect(members.textContent()).resolves.toContain("Project Owner");
    await shot("groups-group");

    await page.getByRole("link", { name: "Groups" }).first().click();
    const row = page.getByRole("row", { name: /Release managers/ });
    await expect.poll(() => row.textContent(), poll).toContain("Custom1");
    await shot("groups-list");
    const groups = await query<ReadonlyArray<{ name: string; memberCount: number }>>("groups.list", {
      org: "acme",
    });
    expect(groups.find((g) => g.name === "Release managers")?.memberCount).toBe(1);
  });

  it("removes a member, renames and deletes the group after confirmations; Everyone is read-only", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("groups"));
    await page.getByRole("link", { name: "Release managers" }).click();
    await page.getByRole("button", { name: "Remove Olga Owner" }).click();
    await page
      .getByRole("dialog", { name: "Remove member" })
      .getByRole("button", { name: "Remove member" })
      .click();
    await page.getByText("No members yet").waitFor();
    const group = await query<{ members: ReadonlyArray<unknown> }>("groups.get", {
      id: decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? ""),
    });
    expect(group.members).toEqual([]);

    await page.goto(app("groups"));
    await page.getByRole("button", { name: "Rename Release managers" }).click();
    const rename = page.getByRole("dialog", { name: 'Rename "Release managers"' });
    await rename.getByLabel("Group name").fill("Release captains");
    await rename.getByRole("button", { name: "Rename group" }).click();
    await page.getByRole("link", { name: "Release captains" }).waitFor();
    await page.getByRole("button", { name: "Delete Release captains" }).click();
    const deleting = page.getByRole("dialog", { name: "Delete group" });
    await deleting
      .getByText('Delete "Release captains"? It has no members. This cannot be undone.')
      .waitFor();
    await deleting.getByRole("button", { name: "Delete group" }).click();
    await page.getByText('Deleted the group "Release captains"').waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Release captains" }).count(), poll).toBe(0);

    await page.goto(app("groups"));
    await page.getByRole("link", { name: "Everyone", exact: true }).click();
    // The list names "Managed by Gatehouse" on every managed group's row: wait for the group's own notice.
    await page.getByRole("alert").filter({ hasText: "Managed by Gatehouse" }).waitFor();
    expect(await page.getByRole("button", { name: "Add member" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove / }).count()).toBe(0);
  });
});
