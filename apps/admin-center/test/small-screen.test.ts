// The Admin Center on a 390 px wide phone: the navigation folds behind a menu button, and every page visited has
// exactly one h1, "Skip to content" first for the keyboard, and no sideways scroll (tables scroll by themselves).
import { browserSuite, checkPages, phone, screenshot, signIn } from "@gatehouse/e2e";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/admin-center/${path}`;

const pages = [
  "products",
  "products/cms",
  "products/cms/instances/acme-cms",
  "projects/acme-checkout",
  "users",
  "users/demo-product-admin",
  "groups",
  "roles",
  "invitations",
  "access-requests",
  "access-matrix?product=cms",
  "audit",
  "api-keys",
  "invite",
];

describe("the Admin Center at 390 px", () => {
  it("folds the navigation behind a menu button that opens and closes it", async () => {
    const page = await suite.newPage(phone);
    await signIn(page, app(), "admin@acme.example");
    const nav = page.getByRole("navigation", { name: "Main" });
    // Folded, its links are out of the Tab order: Tab from "Skip to content" goes through the header to the page.
    await page.getByRole("link", { name: "Skip to content" }).focus();
    const tabbed: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      tabbed.push(
        await page.evaluate(() => {
          const focused = document.activeElement;
          const where = focused?.closest('[aria-label="Main"]') === null ? "" : "navigation: ";
          return `${where}${focused?.textContent ?? ""}`;
        }),
      );
    }
    expect(tabbed.filter((focused) => focused.startsWith("navigation: "))).toEqual([]);
    await page.getByRole("button", { name: "Open navigation" }).click();
    await nav.getByRole("link", { name: "Groups" }).waitFor();
    await screenshot(page, "small-admin-center-navigation");
    await nav.getByRole("link", { name: "Groups" }).click();
    await page.waitForURL("**/admin-center/groups");
    await page.getByRole("button", { name: "Open navigation" }).waitFor();
    // Folded away again: the navigation slides out of the screen.
    await expect.poll(async () => (await nav.boundingBox())?.x ?? 0).toBeLessThan(0);
  });

  it("keeps one h1, the skip link and no sideways scroll on every page", async () => {
    const page = await suite.newPage(phone);
    await signIn(page, app(), "admin@acme.example");
    await checkPages(page, app, pages, "small-admin-center");
  });
});
