// Browser tests of products and users (real headless Chromium against the `pnpm start` server): each admin
// level's landing, Products → instance → users with breadcrumbs, user details per context, the what-if preview
// before a role change and the change itself, deleting a role with confirmation.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const homepage = { ...checkout, project: "acme-homepage" };
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const EDITOR = "demo-exp-editor";

interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly scope: Record<string, string>;
}

/** Calls the API as the page's signed-in user (its cookies and CSRF token), as the app itself does. */
const api = (path: string, input: unknown, method: "GET" | "POST" = "POST") =>
  callApi(page, suite.origin, path, input, method);

const grantsOf = async (user: string, scope: Record<string, string> = { org: "acme" }) =>
  (await api(
    "grants.list",
    { org: "acme", subject: { kind: "user", id: user }, scope },
    "GET",
  )) as ReadonlyArray<GrantView>;

const crumbs = async () => ((await page.getByLabel("Breadcrumbs").textContent()) ?? "").trim();

const table = (name: string) => page.getByRole("table", { name });

describe("landing per admin level", () => {
  it("the super admin lands on Products, listing the enabled products", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.waitForURL("**/admin-center/products");
    await table("Products").getByRole("link", { name: "CMS" }).waitFor();
    expect(await table("Products").getByRole("link", { name: "Experimentation" }).count()).toBe(1);
    expect(await table("Products").getByRole("link", { name: "Opti ID Admin Center" }).count()).toBe(0);
    await screenshot(page, "products-super-admin");
  });

  it("the product admin of CMS lands on the instances of CMS", async () => {
    await signIn(page, app(), "product-admin@acme.example");
    await page.waitForURL("**/admin-center/products/cms");
    await table("Instances of CMS").getByRole("link", { name: "Acme Site" }).waitFor();
    await expect.poll(crumbs).toContain("Products");
    await screenshot(page, "products-product-admin-instances");
  });

  it("the instance admin of one instance lands on that instance's users", async () => {
    await signIn(page, app(), "instance-admin@acme.example");
    await page.waitForURL("**/admin-center/products/cms/instances/acme-cms");
    await table("Users of Acme Site").getByText("instance-admin@acme.example").waitFor();
  });

  it("the project owner of one project lands on that project's users", async () => {
    await signIn(page, app(), "project-owner@acme.example");
    await page.waitForURL("**/admin-center/projects/acme-checkout");
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    await table("Users of Checkout").getByText("exp-editor@acme.example").waitFor();
    // It may not list the instances; its project names the instance, never by id.
    await expect.poll(crumbs).toBe("Products/Experimentation/Acme Experimentation/Checkout");
    await screenshot(page, "users-project-owner-landing");
  });
});

describe("browsing products and users", () => {
  it("goes Products → CMS → Acme Site → its users, with breadcrumbs back", async () => {
    await signIn(page, app(), "admin@acme.example");
    await table("Products").getByRole("link", { name: "CMS" }).click();
    await page.waitForURL("**/products/cms");
    await expect.poll(crumbs).toBe("Products/CMS");
    await table("Instances of CMS").getByRole("link", { name: "Acme Site" }).click();
    await page.waitForURL("**/products/cms/instances/acme-cms");
    await table("Users of Acme Site").getByText("instance-admin@acme.example").waitFor();
    await expect.poll(crumbs).toBe("Products/CMS/Acme Site");
    await screenshot(page, "users-instance-user-manager");
    await page.getByLabel("Breadcrumbs").getByRole("link", { name: "CMS" }).click();
    await page.waitForURL("**/products/cms");
  });

  it("goes Experimentation → instance → projects → a project's users, searched on the server", async () => {
    await signIn(page, app(), "admin@acme.example");
    await table("Products").getByRole("link", { name: "Experimentation" }).click();
    await table("Instances of Experimentation").getByRole("link", { name: "Acme Experimentation" }).click();
    await table("Projects").getByRole("link", { name: "Checkout" }).waitFor();
    expect(await table("Projects").getByRole("link", { name: "Homepage" }).count()).toBe(1);
    await screenshot(page, "products-experimentation-projects");
    await table("Projects").getByRole("button", { name: "Manage users of Checkout" }).click();
    await page.waitForURL("**/projects/acme-checkout");
    await expect.poll(crumbs).toBe("Products/Experimentation/Acme Experimentation/Checkout");
    const users = table("Users of Checkout");
    await users.getByText("exp-viewer@acme.example").waitFor();
    await page.getByLabel("Search users").fill("flag-");
    await users.getByText("exp-flag-admin@acme.example").waitFor();
    await page.waitForFunction(() => !(document.body.textContent ?? "").includes("exp-viewer@acme.example"));
    expect(await users.getByRole("row").count()).toBe(1 + 4);
    // flag roles sit at the flag, named as people know it (the id stays on hover in the details)
    expect(await users.getByText("flag New cart in every environment").count()).toBe(4);
    expect(await page.getByText("acme-new-cart").count()).toBe(0);
    await screenshot(page, "users-flag-roles-by-name");
    await users.getByRole("link", { name: "Exp flag-none" }).click();
    const place = table("Entitlements").getByText(
      "Experimentation › Acme Experimentation › Checkout › flag New cart",
    );
    await place.waitFor();
    expect(await place.getAttribute("title")).toBe("acme-new-cart");
    await screenshot(page, "users-details-flag-role");
  });

  it("a project owner sees every Experimentation project but manages only its own", async () => {
    await signIn(page, app(), "project-owner@acme.example");
    await page.goto(app("projects"));
    const projects = table("Projects");
    await projects.getByRole("link", { name: "Homepage" }).waitFor();
    const own = projects.getByRole("button", { name: "Manage users of Checkout" });
    const other = projects.getByRole("button", { name: "Manage users of Homepage" });
    await expect.poll(() => own.isEnabled()).toBe(true);
    await expect.poll(() => other.isDisabled()).toBe(true);
    await projects.getByRole("button", { name: "Why?" }).click();
    await page.getByTestId("why-panel").waitFor();
    await page.waitForTimeout(300); // the popover's fade-in, for the screenshot
    await screenshot(page, "products-projects-project-owner");
    await page.keyboard.press("Escape");
    await own.click();
    await page.waitForURL("**/projects/acme-checkout");
  });

  it("pages through the organization's users and an instance's users on the server, and searches there", async () => {
    await signIn(page, app(), "admin@acme.example");
    const emails = Array.from({ length: 30 }, (_, i) => `bulk-${String(i).padStart(2, "0")}@acme.example`);
    await api("users.invite", {
      org: "acme",
      emails,
      language: "en",
      grants: [{ role: "cms:content-editors", scope: cms }],
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await page.waitForURL("**/admin-center/users");
    const users = table("Users of Acme");
    await users.getByText("admin@acme.example", { exact: true }).waitFor();
    const seen: string[] = [];
    const readPage = async () => {
      const cells = await users
        .getByRole("row")
        .evaluateAll((rows) => rows.slice(1).map((row) => row.querySelectorAll("td")[1]?.textContent ?? ""));
      seen.push(...cells);
      return cells.length;
    };
    const firstEmail = () => users.getByRole("row").nth(1).getByRole("cell").nth(1).textContent();
    /** Next, then wait until the table shows the next page (the previous one stays while it loads). */
    const next = async (page_: number) => {
      const before = await firstEmail();
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByText(`Page ${page_}`).waitFor();
      await expect.poll(firstEmail).not.toBe(before);
    };
    expect(await readPage()).toBe(25);
    await screenshot(page, "users-organization");
    await next(2);
    expect(await readPage()).toBe(25);
    await next(3);
    expect(await readPage()).toBe(2);
    await users.getByText("project-owner@acme.example").waitFor();
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    expect(new Set(seen).size).toBe(52);

    await page.goto(app("products/cms/instances/acme-cms"));
    const instanceUsers = table("Users of Acme Site");
    await instanceUsers.getByText("bulk-00@acme.example").waitFor();
    expect(await instanceUsers.getByRole("row").count()).toBe(1 + 25);
    await page.getByLabel("Search users").fill("BULK-1");
    await instanceUsers.getByText("bulk-19@acme.example").waitFor();
    await page.waitForFunction(() => !(document.body.textContent ?? "").includes("bulk-00@acme.example"));
    expect(await instanceUsers.getByRole("row").count()).toBe(1 + 10);
    expect(await page.getByText("Page 1").count()).toBe(1);
  });
});

describe("user details", () => {
  it("shows the entitlements of the context the details were opened from, with expiries", async () => {
    await signIn(page, app(), "admin@acme.example");
    const inFiveDays = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000).toISOString();
    await api("grants.create", {
      subject: { kind: "user", id: EDITOR },
      role: "cms:content-editors",
      scope: cms,
      expiresAt: inFiveDays,
    });

    await page.goto(app("projects/acme-checkout"));
    await table("Users of Checkout").getByRole("link", { name: "Exp editor" }).click();
    await page.waitForURL(`**/users/${EDITOR}?context=*`);
    const entitlements = table("Entitlements");
    await entitlements.getByText("Experimentation › Acme Experimentation › Checkout").waitFor();
    expect(await entitlements.getByRole("row").count()).toBe(1 + 1);
    await expect.poll(crumbs).toBe("Products/Experimentation/Acme Experimentation/Checkout/Exp editor");

    await page.goto(app("products/cms/instances/acme-cms"));
    await page.getByLabel("Search users").fill("exp-editor");
    await page.getByRole("button", { name: "More options for exp-editor@acme.example" }).click();
    await page.getByRole("menuitem", { name: "View details" }).click();
    await entitlements.getByText("CMS › Acme Site").waitFor();
    expect(await entitlements.getByRole("row").count()).toBe(1 + 1);
    expect(await entitlements.getByText("Content Editors").count()).toBe(1);
    expect(await entitlements.getByText("expires in 5 days").count()).toBe(1);
    await screenshot(page, "users-details-instance");

    await page.goto(app(`users/${EDITOR}`));
    await entitlements.getByText("CMS › Acme Site").waitFor();
    expect(await entitlements.getByRole("row").count()).toBe(1 + 2);
  });

  it("previews what a role change gains and loses, then saves it", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app(`users/${EDITOR}?context=experimentation/acme-exp/acme-checkout`));
    await page.getByRole("button", { name: "Edit role Editor" }).click();
    await page.getByRole("combobox", { name: "New role" }).click();
    await page.getByRole("option", { name: "Viewer", exact: true }).click();
    const preview = page.getByTestId("what-if-preview");
    await preview.getByText("Experimentation › Acme Experimentation › Checkout", { exact: true }).waitFor();
    // A Feature project's rules are decided per environment: the preview shows them too.
    await preview.getByText(/Checkout › Development environment/).waitFor();
    const loses = preview.getByRole("group", { name: "Loses" });
    expect(await loses.count()).toBeGreaterThanOrEqual(2);
    expect(await loses.first().getByText("Create flags").count()).toBe(1);
    expect(await preview.getByRole("group", { name: "Gains" }).count()).toBe(0);
    // Nothing is saved by the preview.
    expect((await grantsOf(EDITOR)).some((g) => g.role === "experimentation:editor")).toBe(true);
    await screenshot(page, "users-what-if-preview");

    await page.getByRole("button", { name: "Save role change" }).click();
    await page.getByText("Exp editor is now Viewer").waitFor();
    await table("Entitlements").getByText("Viewer", { exact: true }).waitFor();
    const roles = (await grantsOf(EDITOR)).map((g) => g.role);
    expect(roles).toContain("experimentation:viewer");
    expect(roles).not.toContain("experimentation:editor");
  });

  it("deletes a role after confirmation, and Cancel keeps it", async () => {
    await signIn(page, app(), "admin@acme.example");
    await api("grants.create", {
      subject: { kind: "user", id: EDITOR },
      role: "experimentation:viewer",
      scope: homepage,
    });
    await page.goto(app(`users/${EDITOR}?context=experimentation/acme-exp/acme-homepage`));
    const entitlements = table("Entitlements");
    await entitlements.getByText("Experimentation › Acme Experimentation › Homepage").waitFor();

    await page.getByRole("button", { name: "Delete role Viewer" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Exp editor loses Viewer").waitFor();
    await page.waitForTimeout(300); // the modal's fade-in, for the screenshot
    await screenshot(page, "users-delete-role-confirm");
    await dialog.getByRole("button", { name: "Keep role" }).click();
    expect((await grantsOf(EDITOR)).filter((g) => g.scope.project === "acme-homepage")).toHaveLength(1);

    await page.getByRole("button", { name: "Delete role Viewer" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
    await page.getByText("No roles here").waitFor();
    expect((await grantsOf(EDITOR)).filter((g) => g.scope.project === "acme-homepage")).toHaveLength(0);
  });

  it("an instance admin may not change an admin role: disabled with its Why?, and the API refuses", async () => {
    await signIn(page, app(), "instance-admin@acme.example");
    await page.goto(app("products/cms/instances/acme-cms"));
    await page.getByLabel("Search users").fill("instance-admin");
    await table("Users of Acme Site").getByRole("link", { name: "Ian Instance" }).click();
    const edit = page.getByRole("button", { name: "Edit role Instance Admin" });
    await edit.waitFor();
    // "Why?" gives the refusal grants.update and grants.remove would get for this grant.
    await page
      .getByRole("table", { name: "Entitlements" })
      .getByRole("button", { name: "Why?" })
      .first()
      .click();
    await page.getByTestId("why-refused").waitFor();
    await page.waitForTimeout(300); // the popover's fade-in, for the screenshot
    expect(await edit.isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Delete role Instance Admin" }).isDisabled()).toBe(true);
    await screenshot(page, "users-details-why");
    const details = (await api("users.get", { id: "demo-instance-admin", context: cms }, "GET")) as {
      grants: ReadonlyArray<GrantView & { version: number }>;
    };
    const own = details.grants[0];
    await expect(api("grants.remove", { id: own?.id, version: own?.version })).rejects.toThrow(
      /grants.remove/,
    );
    expect((await grantsOf("demo-instance-admin", cms)).map((g) => g.id)).toEqual([own?.id]);
  });
});

describe("removing access", () => {
  it("removes a user's access from an instance after confirmation", async () => {
    await signIn(page, app(), "admin@acme.example");
    await api("users.invite", {
      org: "acme",
      emails: ["leaving@acme.example"],
      language: "en",
      grants: [{ role: "cms:content-editors", scope: cms }],
    });
    await page.goto(app("products/cms/instances/acme-cms"));
    await page.getByLabel("Search users").fill("leaving");
    await page.getByRole("button", { name: "More options for leaving@acme.example" }).click();
    await page.getByRole("menuitem", { name: "Remove access" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("loses every role in Acme Site").waitFor();
    await dialog.getByRole("button", { name: "Remove access" }).click();
    await page.getByText('No user matches "leaving"').waitFor();
    await page.getByText(/Removed 1 role\(s\) of leaving from Acme Site/).waitFor();
    const left = (await api(
      "users.list",
      { org: "acme", scope: { product: "cms", instance: "acme-cms" }, search: "leaving" },
      "GET",
    )) as { items: ReadonlyArray<unknown> };
    expect(left.items).toEqual([]);
  });
});

describe("expired roles in a place's users list", () => {
  it("marks an Instance Admin grant expired once past, while the account stays Active", async () => {
    await signIn(page, app(), "admin@acme.example");
    await api("grants.create", {
      subject: { kind: "user", id: "demo-customeruser" },
      role: "admin-center:instance-admin",
      scope: cms,
      expiresAt: new Date(Date.now() + 4000).toISOString(),
    });
    await page.goto(app("products/cms/instances/acme-cms"));
    await page.getByLabel("Search users").fill("customeruser");
    const row = table("Users of Acme Site").getByRole("row").filter({ hasText: "customeruser@acme.example" });
    await row.getByText(/· until /).waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByLabel("Search users").fill("customeruser");
          await row.waitFor();
          return row.getByText(/^Expired /).count();
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toBe(1);
    expect(await row.getByText("Active").count()).toBe(1);
    await screenshot(page, "users-instance-expired-role");
  });
});
