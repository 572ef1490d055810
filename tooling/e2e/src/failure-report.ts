// What a failed browser test leaves to explain itself: for each of its browser contexts, every page's screenshot
// and alerts/toasts, the console, page errors and failed or 4xx/5xx requests (with the answer's start), timed;
// and the server's log.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Browser, BrowserContext, Response } from "playwright-core";
import { afterEach, beforeEach, type TestContext } from "vitest";

/** How many lines of each kind a context keeps (the newest). */
const keep = 60;
/** How much of a failed answer's body is kept. */
const bodyExcerpt = 400;
/** How many lines of each kind the test's output shows (the report file has them all). */
const printed = 8;

/** A line and when it happened (ms since the epoch): shown from the failed test's start, before it negative. */
interface Timed {
  readonly at: number;
  readonly line: string;
}

interface Trail {
  /** When the context was opened (ms since the epoch). */
  readonly opened: number;
  /** Console messages and page errors, each with whether it is an error or warning. */
  readonly console: Array<Timed & { readonly bad: boolean }>;
  readonly network: Array<Promise<Timed>>;
}

type Task = TestContext["task"];

const push = <A>(lines: A[], line: A): void => {
  lines.push(line);
  if (lines.length > keep) lines.shift();
};

const slug = (text: string): string =>
  text
    .replaceAll(/[^\w.-]+/g, "-")
    .replaceAll(/^-|-$/g, "")
    .slice(0, 80);

const failedAnswer = async (response: Response): Promise<Timed> => {
  const at = Date.now();
  const request = response.request();
  const body = await response.text().then(
    (text) => text.replaceAll(/\s+/g, " ").slice(0, bodyExcerpt),
    (error: unknown) => `(body unavailable: ${String(error)})`,
  );
  return { at, line: `${request.method()} ${response.url()} → ${response.status()} ${body}` };
};

/** The text of every alert, status and toast (Mantine's notifications are alerts) on the page's screen. */
const alertsScript = `[...document.querySelectorAll('[role="alert"],[role="status"]')]
  .map((e) => (e.textContent ?? "").replace(/\\s+/g, " ").trim()).filter((t) => t !== "")`;

/**
 * Watches every context `browser` opens for the test that runs (beforeEach/afterEach of the file); when a test
 * failed, writes test-results/failures/<file>--<test>/ before its contexts close (with `serverLog`'s lines as
 * server.log), and prints where and what.
 */
export const reportFailures = (
  browser: () => Browser | undefined,
  serverLog: () => ReadonlyArray<string>,
): ((browser: Browser) => void) => {
  let task: Task | undefined;
  let startedAt = Date.now();
  let reports = 0;
  const trails = new WeakMap<BrowserContext, Trail>();
  const reported = new WeakSet<BrowserContext>();
  const failing = () => task?.result?.state === "fail";
  const offset = (at: number) => `${at < startedAt ? "" : "+"}${((at - startedAt) / 1000).toFixed(3)}s`;
  const shown = ({ at, line }: Timed) => `  ${offset(at)} ${line}`;

  const directory = (failed: Task): string => {
    const dir = join(
      process.cwd(),
      "test-results",
      "failures",
      `${slug(basename(failed.file.name))}--${slug(failed.name)}`,
    );
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  /** The server's log beside the report, and its warnings and errors (the newest) in the test's output. */
  const reportServer = (failed: Task): void => {
    const lines = serverLog();
    const dir = directory(failed);
    writeFileSync(join(dir, "server.log"), lines.join("\n"));
    const notable = lines.filter((line) => /\b(WARN|ERROR|FATAL)\b|Error:/.test(line));
    console.error(
      `Server log (${lines.length} newest lines) kept in ${join(dir, "server.log")}; its warnings and errors ` +
        `(${notable.length}):\n${notable.slice(-printed).join("\n")}`,
    );
  };

  const report = async (context: BrowserContext): Promise<void> => {
    if (task === undefined || reported.has(context)) return;
    reported.add(context);
    reports += 1;
    const which = `context-${reports}`;
    const dir = directory(task);
    const trail = trails.get(context);
    const network = trail === undefined ? [] : await Promise.all(trail.network);
    const opened = trail === undefined ? "" : `, opened at ${offset(trail.opened)}`;
    const sections: string[] = [`${which}${opened} (times from the test's start)`];
    const brief: string[] = [];
    for (const [i, page] of context.pages().entries()) {
      const name = `${which}-page-${i + 1}`;
      const shot = await page
        .screenshot({ path: join(dir, `${name}.png`), fullPage: true, timeout: 10_000 })
        .then(
          () => `${name}.png`,
          (error: unknown) => `no screenshot: ${String(error)}`,
        );
      const alerts = await page.evaluate(alertsScript).then(
        (texts) => (texts as string[]).map((t) => `  ${t}`),
        (error: unknown) => [`  (not readable: ${String(error)})`],
      );
      sections.push(`${page.url()} (${shot})`, "alerts and toasts:", ...alerts);
      brief.push(`${page.url()}: ${alerts.length} alert(s)`, ...alerts);
    }
    const messages = trail?.console ?? [];
    sections.push("console and page errors:", ...messages.map(shown));
    sections.push("failed and 4xx/5xx requests:", ...network.map(shown));
    writeFileSync(join(dir, `${which}.txt`), sections.join("\n"));
    const errors = messages.filter((m) => m.bad).map(shown);
    brief.push(
      `console errors and warnings (${errors.length}):`,
      ...errors.slice(-printed),
      `failed and 4xx/5xx requests (${network.length}):`,
      ...network.slice(-printed).map(shown),
    );
    console.error(`Browser test failed: ${task.name}\n${sections[0]}, kept in ${dir}\n${brief.join("\n")}`);
  };

  const watch = (context: BrowserContext): void => {
    const trail: Trail = { opened: Date.now(), console: [], network: [] };
    trails.set(context, trail);
    context.on("console", (message) => {
      const type = message.type();
      push(trail.console, {
        at: Date.now(),
        line: `[${type}] ${message.text()}`,
        bad: type === "error" || type === "warning",
      });
    });
    context.on("weberror", (error) =>
      push(trail.console, { at: Date.now(), line: `[pageerror] ${String(error.error())}`, bad: true }),
    );
    context.on("requestfailed", (request) => {
      const line = `${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`;
      push(trail.network, Promise.resolve({ at: Date.now(), line }));
    });
    context.on("response", (response) => {
      if (response.status() >= 400) push(trail.network, failedAnswer(response));
    });
    // Before the test's own afterEach closes it, while its pages can still be seen.
    const close = context.close.bind(context);
    context.close = async (options) => {
      if (failing()) await report(context);
      return close(options);
    };
  };

  beforeEach(({ task: current }) => {
    task = current;
    startedAt = Date.now();
    reports = 0;
  });
  // Contexts the test left open (suite.newPage's, a file's shared page, an earlier test's left open).
  afterEach(async () => {
    if (!failing() || task === undefined) return;
    for (const context of browser()?.contexts() ?? []) await report(context);
    reportServer(task);
  });
  return (launched) => {
    launched.on("context", watch);
  };
};
