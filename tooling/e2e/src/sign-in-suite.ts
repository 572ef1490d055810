// The sign-in tests every app runs: its user lands on its home page, a wrong password is refused with the
// API's message (nobody signed in), and signing out returns to the sign-in page.
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { screenshot, signIn } from "./browser.ts";
import { browserSuite } from "./suite.ts";

export interface SignInSuiteOptions {
  /** The app's name in the suite's title, e.g. "Mission Control". */
  readonly app: string;
  /** The path the app is served under, e.g. "/mission-control/". */
  readonly path: string;
  /** Who signs in, and the glob of the URL it lands on (e.g. "**\/mission-control/customers"). */
  readonly who: { readonly title: string; readonly email: string; readonly lands: string };
  /** The landing page's screenshot (test-results/screenshots/<name>.png). */
  readonly screenshot: string;
}

export const describeSignIn = (options: SignInSuiteOptions): void => {
  const suite = browserSuite();
  let page: Page;
  beforeEach(async () => {
    page = await suite.newPage();
  });
  const app = () => `${suite.origin}${options.path}`;
  const { email } = options.who;

  describe(`${options.app} sign-in`, () => {
    it(options.who.title, async () => {
      await signIn(page, app(), email);
      await page.waitForURL(options.who.lands);
      await expect(page.getByTestId("signed-in-as").textContent()).resolves.toContain(email);
      await screenshot(page, options.screenshot);
    });

    it("refuses a wrong password with the API's message and stays on sign-in", async () => {
      await page.goto(app());
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").textContent()).resolves.toMatch(/email or password/i);
      expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    });

    it("signing out returns to the sign-in page", async () => {
      await signIn(page, app(), email);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("button", { name: "Sign in" }).waitFor();
    });
  });
};
