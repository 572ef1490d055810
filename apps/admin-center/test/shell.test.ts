// Browser tests of the Admin Center's shell: each admin level lands where seeds 001/002 say and its navigation
// shows exactly the sections the server offers; the Experimentation access matrix; a failing page keeps the
// rest of the app working; the header's user search finds an own and a partner user and opens them.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page, Route } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const navLinks = async () =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
const h1 = () => page.getByRole("heading", { level: 1 });

describe("each admin level's landing and navigation", () => {
  it.each([
    [
      "admin@acme.example",
      "products",
      "Products",
      [
        "Products",
        "Users",
        "Groups",
        "Roles",
        "Invitations",
        "Outbox",
        "Partner access",
        "Access matrix",
        "Audit log",
        "API keys",
      ],
    ],
    [
      "product-admin@acme.example",
      "products/cms",
      "CMS",
      ["Products", "Groups", "Roles", "Invitations", "Outbox", "Access matrix", "Audit log"],
    ],
    [
      "instance-admin@acme.example",
      "products/cms/instances/acme-cms",
      "Acme Site",
      ["Products", "Invitations", "Outbox", "Audit log"],
    ],
    [
      "project-owner@acme.example",
      "projects/acme-checkout",
      "Checkout",
      ["Projects", "Invitations", "Outbox", "Audit log"],
    ],
  ])("%s lands on /%s (%s) with exactly its sections", async (email, path, title, sections) => {
    await signIn(page, app(), email);
    await page.waitForURL(`**/admin-center/${path}`);
    await h1().filter({ hasText: title }).waitFor();
    expect(await navLinks()).toEqual(sections);
    await screenshot(page, `shell-landing-${email.split("@")[0]}`);
  });

  it("the product admin opens Groups from the navigation and reads them, without an error", async () => {
    await signIn(page, app(), "product-admin@acme.example");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
    const groups = page.getByRole("table", { name: "Groups" });
    await groups.getByRole("link", { name: "Everyone" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await screenshot(page, "shell-product-admin-groups");
  });

  it("a place that does not exist says so, and a project owner's crumbs lead to no refusal", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("products/cms/instances/acme-zzz"));
    await page.getByText('No instance "acme-zzz" here').waitFor();
    await page.getByText("It is not a CMS instance of your organization, or it was removed.").waitFor();
    await expect(page.getByRole("button", { name: /Invite user/ }).count()).resolves.toBe(0);
    await expect(page.getByText("No users here yet").count()).resolves.toBe(0);
    await screenshot(page, "shell-no-such-instance");
    await page.goto(app("products/nope"));
    await page.getByText('No product "nope" here').waitFor();
    await page.goto(app("access-matrix?product=nope"));
    await page.getByText('No product "nope" here').waitFor();
    await page.goto(app("access-matrix?product=cms&instance=acme-zzz"));
    await page.getByText('No instance "acme-zzz" here').waitFor();
    await expect(page.getByText("Nobody holds a role here").count()).resolves.toBe(0);
    await page.goto(app("users/demo-exp-viewer?context=garbage"));
    await page.getByText('No place "garbage" here').waitFor();
    await expect(page.getByText(/You may not view/).count()).resolves.toBe(0);

    const owner = await suite.newPage();
    await signIn(owner, app(), "project-owner@acme.example");
    await owner.waitForURL("**/admin-center/projects/acme-checkout");
    const crumbs = owner.getByLabel("Breadcrumbs");
    await crumbs.getByText("Products", { exact: true }).waitFor();
    await expect(crumbs.getByRole("link", { name: "Products" }).count()).resolves.toBe(0);
    await expect(crumbs.getByRole("link", { name: "Experimentation" }).count()).resolves.toBe(0);
  });

  it("a section the role does not include, visited directly, says so in words", async () => {
    await signIn(page, app(), "instance-admin@acme.example");
    await page.goto(app("groups"));
    await h1().filter({ hasText: "Groups is not available to your role" }).waitFor();
    await page.getByRole("link", { name: "Back to the start page" }).click();
    await page.waitForURL("**/admin-center/products/cms/instances/acme-cms");
  });
});

/** Picks `option` in the combobox named `label`, typing `typed` (if given) to find it among many. */
const choose = async (label: string, option: string, typed?: string) => {
  const box = page.getByRole("combobox", { name: label });
  // In the middle of the window, as a person scrolls to see the list open below the box: picking an option then
  // scrolls nothing, which could slide the box under the sticky header and hide its list.
  await box.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await box.click();
  if (typed !== undefined) await box.fill(typed);
  await page.getByRole("option", { name: option }).click();
};

describe("the access matrix on Experimentation", () => {
  it("offers each action once and lists who may do it, in the project's platform's words", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("access-matrix?product=experimentation&instance=acme-exp"));
    const instance = page.getByRole("combobox", { name: "Instance" });
    await expect.poll(() => instance.inputValue()).toBe("Acme Experimentation");
    // The users × roles table above the action picker is read first, as a person would.
    const matrix = page.getByRole("table", { name: "Users and roles" });
    await matrix.getByRole("row").filter({ hasText: "Olga Owner" }).waitFor();
    await choose("Action", "Create experiments / Create experiments and campaigns", "campaigns");
    // Above a project the engine lacks the project's attributes: nobody, said in words, and no crash.
    await page.getByText("No user may do this here.").waitFor();
    await choose("Action", "View the project", "project.view");
    await page.getByTestId("who-can-count").waitFor();
    await choose("Project", "Checkout");
    // The Feature project's words for the action the Web calls "Create experiments and campaigns".
    const action = page.getByRole("combobox", { name: "Action" });
    await action.click();
    await action.fill("experiment.create");
    await page.getByRole("option", { name: "Create experiments", exact: true }).waitFor();
    await screenshot(page, "shell-access-matrix-experimentation");
  });
});

/** Serves the catalog as a faulty server would: an Experimentation action listed twice (the crash of issue 12). */
const duplicateActions = async (route: Route) => {
  const response = await route.fetch();
  const body = (await response.json()) as Array<{ result?: { data?: unknown } }>;
  const paths = new URL(route.request().url()).pathname.split("/trpc/")[1]?.split(",") ?? [];
  const answer = body[paths.indexOf("catalog.products")]?.result as
    | { data: Array<{ id: string; actions: Array<unknown> }> }
    | undefined;
  const experimentation = answer?.data.find((p) => p.id === "experimentation");
  if (experimentation !== undefined) experimentation.actions.push(...experimentation.actions.slice(0, 1));
  await route.fulfill({ response, json: body });
};

describe("a page that fails", () => {
  it("shows what went wrong with Try again and a way back, and the navigation keeps working", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.route("**/trpc/**catalog.products**", duplicateActions);
    await page.goto(app("access-matrix?product=experimentation&instance=acme-exp"));
    await h1().filter({ hasText: "This page could not be shown" }).waitFor();
    await page.getByRole("button", { name: "Try again" }).waitFor();
    await page.getByRole("link", { name: "Back to the start page" }).waitFor();
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("admin@acme.example");
    await screenshot(page, "shell-page-failed");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await h1().filter({ hasText: "Audit log" }).waitFor();
    expect(await page.getByText("This page could not be shown").count()).toBe(0);
  });
});

describe("the header's user search", () => {
  it("finds a user of the organization by name and opens its details", async () => {
    await signIn(page, app(), "admin@acme.example");
    const search = page.getByRole("combobox", { name: "Find a user" });
    await search.fill("pat prod");
    await page.getByRole("option", { name: /Pat Product/ }).waitFor();
    await screenshot(page, "shell-user-search");
    await search.press("ArrowDown");
    await search.press("Enter");
    await page.waitForURL("**/admin-center/users/demo-product-admin");
    await h1().filter({ hasText: "Pat Product" }).waitFor();
  });

  it("finds a partner user holding roles here, marked as such, and opens it", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.getByRole("combobox", { name: "Find a user" }).fill("partnerdev");
    const option = page.getByRole("option", { name: /Agency partnerDev/ });
    await option.getByText("partner user of Agency").waitFor();
    await option.click();
    await page.waitForURL("**/admin-center/users/demo-partnerdev");
    await h1().filter({ hasText: "Agency partnerDev" }).waitFor();
    await screenshot(page, "shell-user-search-partner");
  });

  it("a product admin finds only the users it may view and opens them at its product", async () => {
    await signIn(page, app(), "product-admin@acme.example");
    const search = page.getByRole("combobox", { name: "Find a user" });
    await search.fill("agency");
    await page.getByText("No user you may view matches").waitFor();
    await search.fill("ian");
    await page.getByRole("option", { name: /Ian Instance/ }).click();
    await page.waitForURL("**/admin-center/users/demo-instance-admin?context=cms%2Facme-cms");
    await h1().filter({ hasText: "Ian Instance" }).waitFor();
  });
});
