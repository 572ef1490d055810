// Browser tests of live updates and checks (real headless Chromium against the `pnpm start` server): changes elsewhere
// and a role's lapse reach an open page without a reload, ended sessions are followed, checks go batched to checkMany.
import { browserSuite, demoPassword, screenshot, signIn } from "@gatehouse/e2e";
import type { BrowserContext, Page, Request } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";

const suite = browserSuite();
const contexts: Array<BrowserContext> = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/**
 * How long a live change may take to show: the change's notice, the page's refetch, on a shared machine.
 * The server's heartbeat is 2 s in tests (GATEHOUSE_EVENTS_HEARTBEAT_SECONDS), so a signed-out tab hears it
 * well within this too.
 */
const live = { timeout: 10_000 };

const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** A new browser (its own cookies, so its own session) with one page. */
const newBrowserPage = async (): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  return context.newPage();
};

/** Calls a tRPC mutation as the page's signed-in user (its session cookie and CSRF token); returns the data. */
const mutate = async <T>(page: Page, procedure: string, input: unknown): Promise<T> => {
  const csrf = (await page.context().cookies()).find((c) => c.name === "gatehouse_csrf")?.value ?? "";
  const response = await page.request.post(`${suite.origin}/trpc/${procedure}`, {
    headers: { "content-type": "application/json", "x-csrf-token": csrf },
    data: input,
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (body.result === undefined) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
  return body.result.data;
};

/** A link of the main navigation (the sections auth.me names). */
const mainNavLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

/** Marks the page's document: the mark survives every live update and is gone after a reload. */
const markDocument = (page: Page) =>
  page.evaluate(() => document.body.setAttribute("data-not-reloaded", "yes"));
const stillSameDocument = (page: Page) =>
  page.evaluate(() => document.body.getAttribute("data-not-reloaded"));

/**
 * The product admin made a super admin by acme's (the granter's page and grant), with its Groups page open: Create
 * group enabled and the super admin's Users section in its navigation; its document marked.
 */
const productAdminMadeSuperAdmin = async () => {
  const granter = await newBrowserPage();
  await signIn(granter, app(), "admin@acme.example");
  const grant = await mutate<{ id: string; version: number }>(granter, "grants.create", {
    subject: { kind: "user", id: "demo-product-admin" },
    role: "admin-center:super-admin",
    scope: { org: "acme" },
  });
  const holder = await newBrowserPage();
  await signIn(holder, app(), "product-admin@acme.example");
  await holder.goto(app("groups"));
  const create = holder.getByRole("button", { name: "Create group" });
  await expect.poll(() => create.isEnabled(), live).toBe(true);
  const users = mainNavLink(holder, "Users");
  await users.waitFor();
  await markDocument(holder);
  return { granter, grant, holder, create, users };
};

interface Check {
  readonly action: string;
  readonly resource: Record<string, string>;
}

/** Every authz.checkMany call the page makes (one HTTP request may carry several tRPC calls), with its checks. */
/**
 * What each tRPC request of the page asks, one list per HTTP request: authz.checkMany's checks as
 * `check:<action> <instance>` and `may` calls as `may:<procedure> <input id>` (httpBatchLink sends a render's together).
 */
const recordQuestions = (page: Page) => {
  const calls: Array<ReadonlyArray<string>> = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/trpc/")) return;
    const procedures = decodeURIComponent(url.pathname.slice("/trpc/".length)).split(",");
    if (!procedures.some((p) => p === "authz.checkMany" || p === "may")) return;
    // A batched mutation's body holds each call's input under its index; a batched query's input is in the URL.
    const inputs = (
      request.method() === "GET" ? JSON.parse(url.searchParams.get("input") ?? "{}") : request.postDataJSON()
    ) as Record<string, unknown>;
    const batched = url.searchParams.get("batch") === "1";
    const asked: string[] = [];
    for (const [i, procedure] of procedures.entries()) {
      const input = batched ? inputs[String(i)] : inputs;
      if (procedure === "authz.checkMany")
        for (const c of (input as { checks: Array<Check> }).checks)
          asked.push(`check:${c.action} ${c.resource.instance ?? ""}`);
      if (procedure === "may") {
        const call = input as { procedure: string; input: { id?: string } };
        asked.push(`may:${call.procedure} ${call.input.id ?? ""}`);
      }
    }
    calls.push(asked);
  };
  page.on("request", onRequest);
  return { calls, stop: () => page.off("request", onRequest) };
};

const groupsTable = (page: Page) => page.getByRole("table", { name: "Groups" });

describe("Live updates", () => {
  it("a group created and renamed by another admin appears on an open Groups page without a reload", async () => {
    const watcher = await newBrowserPage();
    const other = await newBrowserPage();
    await signIn(watcher, app(), "admin@acme.example");
    await watcher.goto(app("groups"));
    await groupsTable(watcher).getByRole("link", { name: "Everyone" }).waitFor();
    await markDocument(watcher);

    // The other admin creates a group through the UI, in their own browser.
    await signIn(other, app(), "admin@acme.example");
    await other.goto(app("groups"));
    await other.getByRole("button", { name: "Create group" }).click();
    await other.getByRole("dialog").getByLabel("Group name").fill("Night shift");
    await other.getByRole("dialog").getByRole("button", { name: "Create group" }).click();

    await groupsTable(watcher).getByRole("link", { name: "Night shift" }).waitFor(live);
    await screenshot(watcher, "live-groups-created-elsewhere");

    // A rename changes nothing the engine decides with: the list follows, the permission answers are kept (the
    // renamed row's own calls are asked anew, at the group's new version).
    const checks = recordQuestions(watcher);
    await other.getByRole("button", { name: "Rename Night shift" }).click();
    await other.getByRole("dialog").getByLabel("Group name").fill("Late shift");
    await other.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
    await groupsTable(watcher).getByRole("link", { name: "Late shift" }).waitFor(live);
    checks.stop();

    expect(await groupsTable(watcher).getByRole("link", { name: "Night shift" }).count()).toBe(0);
    expect(checks.calls.flat().filter((q) => q.startsWith("check:"))).toEqual([]);
    expect(await stillSameDocument(watcher)).toBe("yes");
  });

  it("a grant removed elsewhere disables the open page's guarded control, with its Why?", async () => {
    const { granter, grant, holder, create, users } = await productAdminMadeSuperAdmin();

    await mutate(granter, "grants.remove", { id: grant.id, version: grant.version });

    await expect.poll(() => create.isDisabled(), live).toBe(true);
    await holder.getByRole("button", { name: "Why?" }).first().waitFor(live);
    // The navigation follows too: Users was a super admin's section (auth.me's sections, asked again).
    await users.waitFor({ state: "detached", ...live });
    expect(await mainNavLink(holder, "Groups").count()).toBe(1);
    expect(await stillSameDocument(holder)).toBe("yes");
    await screenshot(holder, "live-grant-removed-elsewhere");
  });

  it("a role lapsing while the page is open takes its controls and sections away without a reload", async () => {
    const { granter, grant, holder, create, users } = await productAdminMadeSuperAdmin();

    // The role now ends in a few seconds: no write happens when it does, so no event tells the page.
    const lapse = Date.now() + 4_000;
    await mutate(granter, "grants.update", {
      id: grant.id,
      version: grant.version,
      expiresAt: new Date(lapse).toISOString(),
    });

    const afterLapse = { timeout: lapse - Date.now() + live.timeout };
    await expect.poll(() => create.isDisabled(), afterLapse).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(lapse);
    await users.waitFor({ state: "detached", ...live });
    expect(await mainNavLink(holder, "Groups").count()).toBe(1);
    expect(await stillSameDocument(holder)).toBe("yes");
    await screenshot(holder, "live-grant-lapsed");
  });

  it("signing out in one tab brings back sign-in in the other tab, whose stream then stays closed", async () => {
    const first = await newBrowserPage();
    await signIn(first, app(), "admin@acme.example");
    await first.goto(app("groups"));
    await groupsTable(first).waitFor();
    await markDocument(first);

    const second = await first.context().newPage();
    await second.goto(app("roles"));
    await second.getByTestId("signed-in-as").waitFor();
    const streams: Array<string> = [];
    first.on("request", (request) => {
      if (new URL(request.url()).pathname === "/events") streams.push(request.url());
    });
    await second.getByRole("button", { name: "Sign out" }).click();
    await second.getByRole("button", { name: "Sign in" }).waitFor();

    await first.getByRole("button", { name: "Sign in" }).waitFor(live);
    expect(await first.getByTestId("signed-in-as").count()).toBe(0);
    expect(await stillSameDocument(first)).toBe("yes");
    await screenshot(first, "live-signed-out-in-another-tab");

    // Signed out, the tab does not keep knocking on /events.
    const streamsWhenSignedOut = streams.length;
    await first.waitForTimeout(3_000);
    expect(streams.length).toBe(streamsWhenSignedOut);
  });
});

describe("Sessions ended where the tab hears no change", () => {
  /**
   * Signs in through the API with the page's cookies, the way another client of this browser would (no tab
   * announces it). A sign-in presenting a session replaces it: the old one ends.
   */
  const signInElsewhere = (page: Page, email: string) =>
    mutate(page, "auth.login", { email, password: demoPassword });

  /** Whether the request is a stream (`/events`) opened by a document whose address has `onPath`, if given. */
  const isStream = (request: Request, onPath?: string) =>
    new URL(request.url()).pathname === "/events" &&
    (onPath === undefined || (request.headers().referer ?? "").includes(onPath));

  /** The /events requests the page makes from now on (those of a document whose address has `onPath`, if given). */
  const countStreams = (page: Page, onPath?: string) => {
    const streams: Array<string> = [];
    page.on("request", (request) => {
      if (isStream(request, onPath)) streams.push(request.url());
    });
    return streams;
  };

  it("another person signing in on this browser takes over the open tab at the stream's next heartbeat", async () => {
    const page = await newBrowserPage();
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("groups"));
    await groupsTable(page).waitFor();
    await markDocument(page);

    // Agency's sign-in is announced to agency only: acme's stream notices on its heartbeat that its session is gone.
    await signInElsewhere(page, "partneruser@agency.example");
    await expect
      .poll(() => page.getByTestId("signed-in-as").textContent(), live)
      .toContain("partneruser@agency.example");
    // Nothing acme's admin saw stays: the page is asked again as the partner (who may not read groups).
    await expect.poll(() => page.getByRole("link", { name: "Everyone" }).count(), live).toBe(0);
    expect(await stillSameDocument(page)).toBe("yes");
    await screenshot(page, "live-taken-over-by-another-person");
  });

  it("a session ended with no news for this tab brings back sign-in at the next heartbeat, and the stream stays closed", async () => {
    const page = await newBrowserPage();
    await signIn(page, app(), "partneruser@agency.example");
    await markDocument(page);
    // Acme's sign-in replaces the partner's session, then acme's sign-out ends it: agency hears neither.
    await signInElsewhere(page, "admin@acme.example");
    await mutate(page, "auth.logout", {});
    const streams = countStreams(page);

    await page.getByRole("button", { name: "Sign in" }).waitFor(live);
    expect(await stillSameDocument(page)).toBe("yes");
    const streamsWhenSignedOut = streams.length;
    await page.waitForTimeout(3_000);
    expect(streams.length).toBe(streamsWhenSignedOut);
  });

  it("a refused stream is retried while the session holds, and live updates resume", async () => {
    const page = await newBrowserPage();
    // Only the Groups page's streams (by their Referer) are refused and counted: the page signed in on may still be
    // opening its own stream as the test moves on, and that one must take no refusal.
    const groups = "/admin-center/groups";
    let refusals = 0;
    await page.route("**/events", async (route) => {
      if (refusals === 0 || !isStream(route.request(), groups)) return route.continue();
      refusals -= 1;
      return route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" });
    });
    await signIn(page, app(), "admin@acme.example");
    // The Groups page's first two streams are refused (a browser gives up on an EventSource answered so).
    refusals = 2;
    const streams = countStreams(page, groups);
    await page.goto(app("groups"));
    await groupsTable(page).waitFor();

    // Opened again after 1 s, then 2 s, the stream hears the next change.
    await expect.poll(() => streams.length, live).toBe(3);
    const other = await newBrowserPage();
    await signIn(other, app(), "admin@acme.example");
    await mutate(other, "groups.create", { org: "acme", name: "Reconnected" });
    await groupsTable(page).getByRole("link", { name: "Reconnected" }).waitFor(live);
    expect(await page.getByTestId("signed-in-as").count()).toBe(1);
  });
});

describe("Permission checks", () => {
  /** Custom roles at different instances: each row's Delete asks custom-role.delete at its own scope. */
  const places = [
    { product: "cms", instance: "acme-cms" },
    { product: "pim", instance: "acme-pim" },
    { product: "odp", instance: "acme-odp" },
    { product: "cmp", instance: "acme-cmp" },
    { product: "collaboration", instance: "acme-collaboration" },
  ];

  it("the Roles list asks its rows' Delete calls together, not one request per control, and a grant given elsewhere re-asks all together", async () => {
    const page = await newBrowserPage();
    await signIn(page, app(), "admin@acme.example");
    for (const [i, place] of places.entries())
      await mutate(page, "roles.createCustom", { roleName: `Batch ${i + 1}`, ...place, permissions: [] });

    await page.goto(app("products"));
    await page.getByRole("heading", { name: "Products" }).waitFor();
    const load = recordQuestions(page);
    await page.getByRole("link", { name: "Roles", exact: true }).click();
    const deleteButtons = page.getByRole("button", { name: /^Delete/ });
    await expect.poll(() => deleteButtons.count(), live).toBe(places.length);
    await expect
      .poll(
        async () =>
          (await deleteButtons.evaluateAll((all) => all.filter((b) => !b.hasAttribute("disabled")))).length,
        live,
      )
      .toBe(places.length);
    load.stop();
    await screenshot(page, "live-roles-checks");

    // The rows' Delete buttons ask may about roles.deleteCustom, one request for them all; the page header's
    // Add role (a navigation) asks its action through checkMany.
    const deletes = (calls: ReadonlyArray<ReadonlyArray<string>>) =>
      calls
        .map((asked) => asked.filter((q) => q.startsWith("may:roles.deleteCustom ")).length)
        .filter((n) => n > 0);
    expect(deletes(load.calls).length).toBeGreaterThan(0);
    expect(deletes(load.calls).every((n) => n === places.length)).toBe(true);
    expect(load.calls.flat()).toContain("check:admin-center:custom-role.create ");

    // Another admin's grant changes what the engine knows: the page re-asks the rows' calls, together again.
    const other = await newBrowserPage();
    await signIn(other, app(), "admin@acme.example");
    const recheck = recordQuestions(page);
    await mutate(other, "grants.create", {
      subject: { kind: "user", id: "demo-instance-admin" },
      role: "admin-center:instance-admin",
      scope: { org: "acme", product: "pim", instance: "acme-pim" },
    });
    await expect.poll(() => deletes(recheck.calls).length, live).toBeGreaterThan(0);
    await page.waitForTimeout(1_000);
    recheck.stop();
    expect(deletes(recheck.calls).every((n) => n === places.length)).toBe(true);
  });
});
