// What the collaborators app's browser tests share: a signed-in page opened at a URL (its own browser context),
// a flag's on/off switch on the flags page by its accessible name, and the demo's Dark mode flag as a resource.
import { type BrowserSuite, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";

/** A new 1280×900 page signed in as `email` on the app at `app`, then at `url`. */
export const openAs = async (suite: BrowserSuite, app: string, email: string, url: string): Promise<Page> => {
  const page = await suite.newPage();
  await signIn(page, app, email);
  await page.goto(url);
  return page;
};

/** The flags page's switch for `flag` in `environment`. */
export const flagToggle = (page: Page, flag: string, environment: string) =>
  page.getByRole("switch", { name: `${flag} in ${environment}` });

/** The demo's Dark mode flag (draft, never published) in one environment of Checkout, as the server builds it. */
export const darkModeIn = (environment: string, production: boolean) => ({
  org: "acme",
  product: "experimentation",
  instance: "acme-exp",
  project: "acme-checkout",
  environment,
  flag: "acme-dark-mode",
  attrs: { platform: "feature", production, flagStatus: "draft", rulesetPublished: false },
});
