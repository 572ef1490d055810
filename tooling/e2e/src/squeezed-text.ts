// Text stood on end: a visible text of six or more letters whose every line is under 1.5 em wide (a letter or two), as
// when a row lets a label shrink beside a control. Every page checkPage visits is scanned for it.
import type { Page } from "playwright-core";

/** The browser's own code (this package compiles without the DOM's types): the first 40 letters of each such text. */
const scan = `(() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (node.data.trim().length < 6 || holder === null || !holder.checkVisibility({ visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const letter = parseFloat(getComputedStyle(holder).fontSize);
    if (lines.length > 1 && lines.every((r) => r.width < 1.5 * letter)) found.push(node.data.trim().slice(0, 40));
  }
  return found;
})()`;

/** The texts on the page squeezed into a column a letter or two wide (none on a well-kept page). */
export const squeezedTexts = async (page: Page): Promise<ReadonlyArray<string>> =>
  (await page.evaluate(scan)) as ReadonlyArray<string>;
