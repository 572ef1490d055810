// Waits until a "Why?" popover's refusal is shown in full (its fade-in done), so a screenshot taken next shows it:
// Playwright's "visible" counts an element still at opacity 0.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Resolves once the page's `why-refused` text and every box around it are fully opaque. */
export const whyShown = (page: Page): Promise<void> =>
  expect
    .poll(
      () =>
        // A string, as the package's other page scripts: this package is compiled without the DOM's types.
        page.evaluate(`(() => {
          let e = document.querySelector('[data-testid="why-refused"]');
          if (e === null) return false;
          for (; e !== null; e = e.parentElement) if (getComputedStyle(e).opacity !== "1") return false;
          return true;
        })()`),
      { timeout: 10_000 },
    )
    .toBe(true);
