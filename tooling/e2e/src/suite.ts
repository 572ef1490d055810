// One Gatehouse server and one Chromium per browser-test file (its pages slowed down on request): registers the
// file's hooks, a failed test's report among them, and hands back the origin and the browser.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";
import { reportFailures } from "./failure-report.ts";
import { type RunningServer, startGatehouse } from "./server.ts";

export interface BrowserSuite {
  /** The server's origin, e.g. http://127.0.0.1:41234 (inside tests and hooks). */
  readonly origin: string;
  readonly browser: Browser;
  /** A page in a new browser context (its own cookies), 1280×900 unless `viewport` says otherwise. */
  readonly newPage: (viewport?: { readonly width: number; readonly height: number }) => Promise<Page>;
}

/** Runs every page `rate` times slower (Chromium's CPU throttling), as on a slow machine; 1 leaves it alone. */
const slowDown = (browser: Browser, rate: number): void => {
  if (!(rate > 1)) return;
  browser.on("context", (context) =>
    context.on("page", (page) => {
      // A page closed at once has nothing left to slow down.
      void context
        .newCDPSession(page)
        .then((cdp) => cdp.send("Emulation.setCPUThrottlingRate", { rate }))
        .catch(() => undefined);
    }),
  );
};

export const browserSuite = (): BrowserSuite => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const watch = reportFailures(
    () => browser,
    () => server?.log() ?? [],
  );
  beforeAll(async () => {
    [server, browser] = await Promise.all([startGatehouse(), launchChromium()]);
    watch(browser);
    slowDown(browser, Number(process.env.GATEHOUSE_E2E_CPU_THROTTLE ?? 1));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <A>(value: A | undefined): A => {
    if (value === undefined) throw new Error("The browser suite has not started (use it inside tests)");
    return value;
  };
  return {
    get origin() {
      return started(server).origin;
    },
    get browser() {
      return started(browser);
    },
    newPage: async (viewport = { width: 1280, height: 900 }) =>
      (await started(browser).newContext({ viewport })).newPage(),
  };
};

/**
 * Fast, never-failing simulated operations on the file's server (call before browserSuite): each lasts
 * `timeScale` of its usual time; the settings are dropped after the file.
 */
export const fastOperations = (timeScale: number): void => {
  process.env.GATEHOUSE_EXECUTOR_TIME_SCALE = String(timeScale);
  process.env.GATEHOUSE_EXECUTOR_FAILURE_RATE = "0";
  afterAll(() => {
    delete process.env.GATEHOUSE_EXECUTOR_TIME_SCALE;
    delete process.env.GATEHOUSE_EXECUTOR_FAILURE_RATE;
  });
};
