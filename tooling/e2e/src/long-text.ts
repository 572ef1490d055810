// Person-entered text at its schema's limit for the apps' long-text tests (names mixing Japanese, right-to-left
// Arabic and emoji with one unbroken Latin run; 254-character emails) and how a page shows it: sideways scroll, readability.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { phone } from "./a11y.ts";
import { screenshot } from "./browser.ts";

/** `length` UTF-16 code units (what the schemas count): `lead`, Japanese, Arabic, emoji, then one unbroken run. */
export const longText = (lead: string, length: number): string => {
  const start = `${lead} 長い名前の表示テスト اسم طويل جدا للاختبار 🚀🔐 `;
  if (start.length > length) throw new Error(`"${lead}" leaves no room in ${length} characters`);
  return start + "W".repeat(length - start.length);
};

/** An email address at `Email`'s limit, 254 characters, with no place a line may break: `local` starts it. */
export const longEmail = (local: string): string =>
  `${local}${"x".repeat(64 - local.length)}@${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(59)}.example`;

/** A person at the invite form's limits: a 200-character name and a 254-character email. */
export const longPerson = { name: longText("Aino", 200), email: longEmail("aino") } as const;

/** How far the page scrolls sideways at its viewport, in CSS pixels (0 when it does not). */
export const sidewaysScroll = async (page: Page): Promise<number> =>
  Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));

/**
 * How `text` shows on the page (the browser's own code: this package compiles without the DOM's types). Every
 * visible occurrence must be whole (not cut off by a box that hides its overflow, unless that box's title holds the
 * text), reachable (inside the viewport, or inside a box that scrolls), not squeezed into a column a letter or two
 * wide, and clear of every control it is not part of.
 */
const howShownScript = (text: string) => `(() => {
  const text = ${JSON.stringify(text)};
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const controls = () => [...root.querySelectorAll(
    "button, input, select, textarea, [role=button], [role=combobox], [role=switch], [role=checkbox], [role=radio]",
  )].filter(visible);
  // A control covers text where they meet and the control is on top there (a dropdown over a button covers nothing).
  const covers = (control, box) => {
    const c = control.getBoundingClientRect();
    const left = Math.max(c.left, box.left), right = Math.min(c.right, box.right);
    const top = Math.max(c.top, box.top), bottom = Math.min(c.bottom, box.bottom);
    if (right - left < 1 || bottom - top < 1) return false;
    return control.contains(document.elementFromPoint((left + right) / 2, (top + bottom) / 2));
  };
  const ancestors = (el) => { const all = []; for (let a = el; a !== null; a = a.parentElement) all.push(a); return all; };
  // With a dialog open, the page beneath it is out of reach: only the dialog counts.
  const root = [...document.querySelectorAll("[role=dialog][aria-modal=true]")].find(visible) ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const problems = [];
  let shown = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!node.data.includes(text) || holder === null || !visible(holder)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
    const where = holder.tagName.toLowerCase() + "." + String(holder.className).split(" ").pop();
    const titled = ancestors(holder).some((a) => a.getAttribute("title") === text);
    const clipping = ancestors(holder).find((a) => {
      const style = getComputedStyle(a);
      if (style.overflowX !== "hidden" && style.overflowX !== "clip") return false;
      const edge = a.getBoundingClientRect();
      return boxes.some((r) => r.right > edge.right + 1 || r.left < edge.left - 1);
    });
    const scrolls = ancestors(holder).some((a) => ["auto", "scroll"].includes(getComputedStyle(a).overflowX));
    const outside = boxes.some((r) => r.left < -1 || r.right > window.innerWidth + 1);
    // Squeezed: every line of it under 1.5 em wide, a letter or two (a name stood on end beside a control).
    const squeezed = boxes.every((r) => r.width < 1.5 * parseFloat(getComputedStyle(holder).fontSize));
    const covered = controls().find((c) => !c.contains(node) && boxes.some((r) => covers(c, r)));
    if (clipping !== undefined) titled ? (shown += 1) : problems.push("cut off in " + where);
    else if (outside && !scrolls) problems.push("beyond the viewport in " + where);
    else if (squeezed) problems.push("squeezed into a column in " + where);
    else if (covered !== undefined) problems.push("overlapping the control " + (covered.getAttribute("aria-label") ?? covered.textContent) + " in " + where);
    else shown += 1;
  }
  return problems.length > 0 ? problems.join("; ") : shown > 0 ? "readable" : "not shown";
})()`;

/** "readable" when every visible occurrence of `text` is whole, reachable, unsqueezed and clear of controls; else what is wrong. */
export const howShown = async (page: Page, text: string): Promise<string> =>
  String(await page.evaluate(howShownScript(text)));

/** expect.poll waits this long: the machine is shared, and a page may take a few seconds to settle. */
const settle = { timeout: 15_000 };

/** Expects no sideways scroll and each of `texts` readable on the page as it is now; then saves its screenshot. */
export const expectShownWhole = async (
  page: Page,
  texts: ReadonlyArray<string>,
  name: string,
): Promise<void> => {
  await expect.poll(() => sidewaysScroll(page), { ...settle, message: `${name} scrolls sideways` }).toBe(0);
  for (const text of texts)
    await expect
      .poll(() => howShown(page, text), { ...settle, message: `${name}: ${text.slice(0, 12)}…` })
      .toBe("readable");
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, name);
};

/** The sizes every app's long-text test checks, by name: a desktop and a phone. */
export const desktopAndPhone = [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", phone],
] as const;

/**
 * Opens each page (`url` makes its address from the path) and expects its long texts shown whole, saving its
 * screenshot as `<name>-<path>` (`shown` names ids in the path, so screenshots keep their names run after run).
 */
export const expectPagesShownWhole = async (
  page: Page,
  url: (path: string) => string,
  pages: ReadonlyArray<readonly [string, ReadonlyArray<string>]>,
  name: string,
  shown: (path: string) => string = (path) => path,
): Promise<void> => {
  for (const [path, texts] of pages) {
    await page.goto(url(path));
    await expectShownWhole(page, texts, `${name}-${shown(path).replaceAll(/[/?=:]/g, "-")}`);
  }
};
