// Browser tests of a session that ends under an open page: the account deactivated or removed by a super admin,
// or signed out in another tab. The app returns to its sign-in page saying the session ended (never the
// signed-in shell with "Sign in or send an API key" on each page); signing out oneself says nothing of the kind.
import { apiAs, browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** The sign-in page, saying the last session ended, and nothing of the signed-in shell or of API keys. */
const backAtSignIn = async (page: Page) => {
  await page.getByText("Your session ended").waitFor();
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  await expect(page.getByTestId("signed-in-as").count()).resolves.toBe(0);
  await expect(page.getByText("Sign in or send an API key").count()).resolves.toBe(0);
};

describe("a session that ends under an open page", () => {
  it("returns to sign-in, saying so, once a super admin removes the account from the organization", async () => {
    const page = await suite.newPage();
    await signIn(page, app("audit"), "instance-admin@acme.example");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    const admin = await apiAs(suite, app(), "admin@acme.example");
    await admin.call("users.removeFromAccount", { userId: "demo-instance-admin" });
    await admin.close();
    // The open page hears of the change; its next read is refused, so it asks the session, which has ended.
    await backAtSignIn(page);
    await screenshot(page, "session-ended-removed");

    // Signing in again (as someone else here) shows the app, and no longer the notice.
    await page.getByLabel("Email", { exact: true }).fill("product-admin@acme.example");
    await page.getByLabel("Password", { exact: true }).fill("gatehouse-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    await expect(page.getByText("Your session ended").count()).resolves.toBe(0);
  });

  it("returns to sign-in, saying so, once a super admin deactivates the account", async () => {
    const page = await suite.newPage();
    await signIn(page, app("audit"), "exp-administrator@acme.example");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    const admin = await apiAs(suite, app(), "admin@acme.example");
    await admin.call("users.deactivate", { userId: "demo-exp-administrator" });
    await admin.close();
    await backAtSignIn(page);
    await screenshot(page, "session-ended-deactivated");
  });

  it("returns the other tab to sign-in when one tab signs out; the tab signing out says nothing", async () => {
    const first = await suite.newPage();
    await signIn(first, app(), "product-admin@acme.example");
    const second = await first.context().newPage();
    await second.goto(app("groups"));
    await second.getByTestId("signed-in-as").waitFor();
    await first.getByRole("button", { name: "Sign out" }).click();
    await first.getByRole("button", { name: "Sign in" }).waitFor();
    await expect(first.getByText("Your session ended").count()).resolves.toBe(0);
    await backAtSignIn(second);
    await screenshot(second, "session-ended-other-tab");
  });
});
