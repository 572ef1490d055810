// What every page of the three apps keeps for keyboard and small-screen users: exactly one h1, "Skip to content"
// as the first thing the keyboard reaches (it leads to the page's main region), no sideways scroll and no text
// squeezed into a column a letter or two wide.
import type { Page } from "playwright-core";
import { screenshot } from "./browser.ts";
import { squeezedTexts } from "./squeezed-text.ts";

/** A phone's width the apps must be usable at. */
export const phone = { width: 390, height: 844 } as const;

/** Waits for the page's one h1, then reads its other promises; throws naming the page when one is broken. */
export const checkPage = async (page: Page): Promise<void> => {
  const where = new URL(page.url()).pathname;
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  const headings = await page.getByRole("heading", { level: 1 }).count();
  if (headings !== 1) throw new Error(`${where}: ${headings} h1 elements, not exactly one`);
  // From the top of the page (the browser's own expressions: this package compiles without the DOM's types).
  await page.evaluate("document.activeElement?.blur()");
  await page.keyboard.press("Tab");
  const first = ((await page.locator(":focus").textContent()) ?? "").trim();
  if (first !== "Skip to content") throw new Error(`${where}: the first focusable element is "${first}"`);
  await page.keyboard.press("Enter");
  const focused = await page.locator(":focus").getAttribute("id");
  if (focused !== "main-content") throw new Error(`${where}: "Skip to content" led to "${focused}"`);
  const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
  if (overflow > 0) throw new Error(`${where}: the page scrolls sideways by ${overflow}px`);
  const squeezed = await squeezedTexts(page);
  if (squeezed.length > 0) throw new Error(`${where}: text squeezed into a column: ${squeezed.join(" | ")}`);
};

/** Visits each path (`url` makes its address), checks it and saves its screenshot as `<name>-<path>`. */
export const checkPages = async (
  page: Page,
  url: (path: string) => string,
  paths: ReadonlyArray<string>,
  name: string,
): Promise<void> => {
  for (const path of paths) {
    await page.goto(url(path));
    await checkPage(page);
    await screenshot(page, `${name}-${path.replaceAll(/[/?=]/g, "-")}`);
  }
};
