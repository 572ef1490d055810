// Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), with the flags that
// keep it off the network; plus the helpers every app's browser tests share: sign-in and screenshots.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

/** Every demo user's password (README). */
export const demoPassword = "gatehouse-demo";

/** Opens `path` of an app, signs in through its sign-in page and waits for the signed-in shell. */
export const signIn = async (page: Page, url: string, email: string): Promise<void> => {
  await page.goto(url);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-as").waitFor();
};

/** Saves a full-page screenshot as test-results/screenshots/<name>.png of the package under test. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  const dir = join(process.cwd(), "test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/**
 * How long one API call a test makes may take: a setup call (thirty invitations at once) on a shared machine under
 * load can outlast Playwright's 30 s default; the browser suite's tests have 90 s in all.
 */
const apiCallTimeoutMs = 60_000;

/**
 * Calls a tRPC procedure as `page`'s signed-in user (its cookies, and its CSRF token on POST), the way the apps
 * do; answers the result's data, or throws with the API's message.
 */
export const callApi = async (
  page: Page,
  origin: string,
  path: string,
  input: unknown,
  method: "GET" | "POST",
): Promise<unknown> => {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "gatehouse_csrf")?.value ?? "";
  const url = `${origin}/trpc/${path}`;
  // A procedure without input gets no `input` parameter, as tRPC's own client sends it.
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response =
    method === "GET"
      ? await page.request.get(`${url}${query}`, { timeout: apiCallTimeoutMs })
      : await page.request.post(url, {
          headers: { "x-csrf-token": csrf },
          data: input,
          timeout: apiCallTimeoutMs,
        });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${path}: ${body.error.message}`);
  return body.result?.data;
};
