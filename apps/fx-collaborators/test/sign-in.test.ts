// Browser tests of signing in to the collaborators app (real headless Chromium against the `pnpm start` server): an
// editor lands on its projects, a wrong password is refused, signing out returns to sign-in.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

const app = () => `${suite.origin}/fx-collaborators/`;

describe("Collaborators sign-in", () => {
  it("an editor lands on the projects page", async () => {
    await signIn(page, app(), "exp-editor@acme.example");
    await page.waitForURL("**/fx-collaborators/projects");
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toContain(
      "exp-editor@acme.example",
    );
    await screenshot(page, "fx-landing");
  });

  it("refuses a wrong password and stays on sign-in", async () => {
    await page.goto(app());
    await page.getByLabel("Email", { exact: true }).fill("exp-editor@acme.example");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/email or password/i);
  });

  it("signing out returns to the sign-in page", async () => {
    await signIn(page, app(), "exp-editor@acme.example");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
  });
});
