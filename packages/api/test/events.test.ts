// GET /events through app.request over a demo database: a signed-in user hears its organization's committed
// changes as SSE events, each change only if it may read it; anonymous requests get 401; another organization's
// user hears nothing of acme's; an actor holding as many streams as allowed is refused another.
import { type Change, EngineSync } from "@gatehouse/store";
import { Duration, Effect } from "effect";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { StoreRunner } from "../src/auth/store-runner.ts";
import { visibleEvent } from "../src/event-visibility.ts";
import type { StreamLimits } from "../src/stream-quota.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { streamText } from "./support/stream-text.ts";

const { runtime, send, signIn } = demoApi();

interface Server {
  readonly store?: StoreRunner;
  readonly heartbeat?: Duration.Duration;
  readonly limits?: StreamLimits;
}

/** An app over the demo database (one per call: each has its own stream limits). */
const serve = async ({ store = runtime, heartbeat = Duration.seconds(15), limits }: Server = {}) => {
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  return createApp({
    engine: () => sync.engine,
    store,
    appsDir: "/nonexistent",
    eventsHeartbeat: heartbeat,
    ...(limits && { eventsLimits: limits }),
  });
};

/** A connected event stream: read text until a condition holds, bounded by a deadline; then cancel. */
const connect = async (call: Call, server: Server | ReturnType<typeof createApp> = {}) => {
  const app = "request" in server ? server : await serve(server);
  const headers: Record<string, string> = {};
  if (call.cookie !== undefined) headers.cookie = call.cookie;
  const res = await app.request("http://localhost/events", { headers });
  const stream = streamText(res);
  const events = () =>
    stream
      .text()
      .split("\n\n")
      .map((block) => block.split("\n").find((line) => line.startsWith("data: ")))
      .filter((line): line is string => line !== undefined)
      .map((line) => JSON.parse(line.slice("data: ".length)) as { audit: string; changes: unknown[] });
  return { res, ...stream, events };
};

describe("events", () => {
  it("streams the organization's committed changes to its users, and a partner's only as news of a customer", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const acmeStream = await connect(admin);
    const agencyStream = await connect(partner);
    expect(acmeStream.res.status).toBe(200);
    expect(acmeStream.res.headers.get("content-type")).toContain("text/event-stream");
    expect(await acmeStream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    expect(await agencyStream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);

    const created = await send("POST", "groups.create", { org: "acme", name: "Live viewers" }, admin);
    expect(created.status).toBe(200);
    const group = (created.data as { id: string }).id;
    const heard = await acmeStream.readUntil((t) => t.includes(group), 5_000);
    expect(heard).toBe(true);
    const event = acmeStream.events().find((e) => JSON.stringify(e.changes).includes(group));
    expect(event?.changes).toEqual([{ type: "group.added", group, org: "acme" }]);
    expect(event?.audit).toMatch(/^[0-9]+$/);
    expect(acmeStream.text()).toContain(`id: ${event?.audit}`);

    // The partner's admin, who holds roles in acme, hears only that something changed there (it may not view
    // acme's groups): nothing it could not read.
    expect(await agencyStream.readUntil(() => agencyStream.events().length > 0, 5_000)).toBe(true);
    expect(agencyStream.events()).toEqual([
      { audit: event?.audit, changes: [{ type: "changed", scope: { org: "acme" } }] },
    ]);
    expect(agencyStream.text()).not.toContain(group);
    // Its own organization's changes it hears as a member: another agency user's sign-in is audited in agency.
    await signIn("partneruser@agency.example");
    expect(await agencyStream.readUntil(() => agencyStream.events().length > 1, 5_000)).toBe(true);
    expect(agencyStream.events()[1]?.changes).toEqual([]);

    await acmeStream.close();
    await agencyStream.close();
  });

  it("follows a partner's user into a customer where it comes to hold a role, and past losing it", async () => {
    const admin = await signIn("admin@acme.example");
    const partner = await signIn("partnerdev@agency.example");
    const held = await send(
      "GET",
      "grants.list",
      { org: "acme", subject: { kind: "user", id: "demo-partnerdev" } },
      admin,
    );
    expect(held.status).toBe(200);
    for (const grant of held.data as ReadonlyArray<{ id: string; version: number }>)
      expect(
        (await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin)).status,
      ).toBe(200);
    // No role in acme when the stream opens: acme's changes are none of its business.
    const stream = await connect(partner);
    expect(await stream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    const quiet = await send("POST", "groups.create", { org: "acme", name: "Before the partner" }, admin);
    expect(quiet.status).toBe(200);
    expect(await stream.readUntil(() => stream.events().length > 0, 500)).toBe(false);

    const sandbox = { org: "acme", product: "mission-control", instance: "acme-mc-sandbox" };
    const given = await send(
      "POST",
      "grants.create",
      {
        subject: { kind: "user", id: "demo-partnerdev" },
        role: "mission-control:partnerDev",
        scope: sandbox,
      },
      admin,
    );
    expect(given.status, JSON.stringify(given.error)).toBe(200);
    const grant = given.data as { id: string; version: number };
    expect(await stream.readUntil((t) => t.includes(grant.id), 5_000)).toBe(true);
    expect(stream.events()[0]?.changes).toContainEqual({
      type: "grant.added",
      grant: { id: grant.id, subject: "demo-partnerdev", role: "mission-control:partnerDev", scope: sandbox },
    });
    // Losing it is news too, told as something that changed in acme.
    const removed = await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
    expect(removed.status).toBe(200);
    expect(await stream.readUntil(() => stream.events().length > 1, 5_000)).toBe(true);
    expect(stream.events()[1]?.changes).toEqual([{ type: "changed", scope: { org: "acme" } }]);
    expect(stream.text()).not.toContain(quiet.data === undefined ? "?" : (quiet.data as { id: string }).id);
    // That was the last it hears of acme: neither its changes nor its people's sign-ins any more.
    expect(
      (await send("POST", "groups.create", { org: "acme", name: "After the partner" }, admin)).status,
    ).toBe(200);
    await signIn("customeradmin@acme.example");
    expect(await stream.readUntil(() => stream.events().length > 2, 500)).toBe(false);
    await stream.close();
  });

  it("sends each subscriber only the changes it may read, the others as one content-free entry", async () => {
    const admin = await signIn("admin@acme.example");
    const ian = await signIn("instance-admin@acme.example");
    const customer = await signIn("customeruser@acme.example");
    // A super admin reads every grant; the CMS instance admin those of its instance (grants.list there);
    // a customerUser is refused grants.list, so it learns only that something changed in acme.
    expect((await send("GET", "grants.list", { org: "acme" }, customer)).status).toBe(403);
    const streams = {
      admin: await connect(admin),
      ian: await connect(ian),
      customer: await connect(customer),
    };
    for (const stream of Object.values(streams))
      expect(await stream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);

    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    const toDev = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customerdev" }, role: "cms:content-editors", scope: cms },
      admin,
    );
    expect(toDev.status).toBe(200);
    const { id } = toDev.data as { id: string };
    const added = {
      type: "grant.added",
      grant: { id, subject: "demo-customerdev", role: "cms:content-editors", scope: cms },
    };
    const heard = (stream: Awaited<ReturnType<typeof connect>>, audit?: string) =>
      stream.readUntil(() => stream.events().some((e) => audit === undefined || e.audit === audit), 5_000);
    // Giving the role also puts the user in the instance's product group: the organization's groups and
    // members, which only those allowed user.view at the organization read (groups.list).
    expect(await heard(streams.admin)).toBe(true);
    const [event] = streams.admin.events();
    const audit = event?.audit;
    const group = /"group":"(grp_[0-9a-f]+)"/.exec(JSON.stringify(event))?.[1];
    expect(event?.changes).toEqual([
      added,
      { type: "group.added", group, org: "acme" },
      { type: "member.added", group, user: "demo-customerdev" },
    ]);
    const changed = { type: "changed", scope: { org: "acme" } };
    expect(await heard(streams.ian, audit)).toBe(true);
    expect(streams.ian.events()).toEqual([{ audit, changes: [added, changed] }]);
    expect(await heard(streams.customer, audit)).toBe(true);
    expect(streams.customer.events()).toEqual([{ audit, changes: [changed] }]);
    expect(streams.customer.text()).not.toContain(group);
    expect(streams.customer.text()).not.toContain(id);
    expect(streams.customer.text()).not.toContain("demo-customerdev");
    expect(streams.customer.text()).not.toContain("content-editors");

    // A grant to the customerUser itself it reads; a new group (groups.list needs user.view) it does not.
    const toSelf = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "cms:content-editors", scope: cms },
      admin,
    );
    expect(toSelf.status).toBe(200);
    const own = (toSelf.data as { id: string }).id;
    expect(await streams.customer.readUntil((t) => t.includes(own), 5_000)).toBe(true);
    // The product group it joined is the organization's business, not its own.
    expect(streams.customer.events()[1]?.changes).toEqual([
      {
        type: "grant.added",
        grant: { id: own, subject: "demo-customeruser", role: "cms:content-editors", scope: cms },
      },
      changed,
    ]);
    const created = await send("POST", "groups.create", { org: "acme", name: "Quiet group" }, admin);
    expect(created.status).toBe(200);
    const groupId = (created.data as { id: string }).id;
    expect(await streams.admin.readUntil((t) => t.includes(groupId), 5_000)).toBe(true);
    expect(await streams.customer.readUntil(() => streams.customer.events().length === 3, 5_000)).toBe(true);
    expect(streams.customer.events()[2]?.changes).toEqual([changed]);
    expect(streams.customer.text()).not.toContain(groupId);
    for (const stream of Object.values(streams)) await stream.close();
  });

  it("judges every change kind by the question of its read procedure", async () => {
    const { engine } = await runtime.runPromise(Effect.service(EngineSync));
    const customer = { kind: "user", id: "demo-customeruser", org: "acme" } as const;
    const admin = { kind: "user", id: "demo-admin", org: "acme" } as const;
    const key = { kind: "api-key", id: "key_1", org: "acme" } as const;
    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    const grant = { id: "grt_1", subject: "demo-customerdev", role: "cms:content-editors", scope: cms };
    // Each change with whether a customerUser (who may not view acme's users) reads it as it is.
    const kinds: ReadonlyArray<readonly [Change, boolean]> = [
      [{ type: "org.set", org: "acme", kind: "customer", products: ["cms"] }, true],
      [{ type: "org.set", org: "globex", kind: "customer", products: ["cms"] }, false],
      [{ type: "role.set", role: "custom_1", product: "cms", label: "Writers", permissions: [] }, true],
      [{ type: "role.removed", role: "custom_1" }, true],
      [{ type: "resync" }, true],
      [{ type: "user.added", user: "demo-new", org: "acme" }, false],
      [{ type: "group.added", group: "grp_1", org: "acme" }, false],
      [{ type: "subject.removed", subject: "demo-customerdev" }, false],
      [{ type: "member.added", group: "grp_1", user: "demo-customeruser" }, false],
      [{ type: "member.removed", group: "grp_1", user: "demo-customerdev" }, false],
      [{ type: "grant.added", grant }, false],
      [{ type: "grant.added", grant: { ...grant, subject: "demo-customeruser" } }, true],
      [{ type: "grant.removed", grant: "grt_1" }, false],
    ];
    const changed = { type: "changed", scope: { org: "acme" } };
    for (const [change, readable] of kinds) {
      const event = { audit: "1", org: "acme", part: 1, parts: 1, changes: [change], seq: 1 };
      expect(visibleEvent(engine, customer, event)?.changes).toEqual(readable ? [change] : [changed]);
      const all = change.type === "org.set" && change.org !== "acme" ? [changed] : [change];
      expect(visibleEvent(engine, admin, event)?.changes).toEqual(all);
      expect(visibleEvent(engine, key, event)?.changes).toEqual([change]);
      expect(visibleEvent(engine, { kind: "operator", id: "op" }, event)?.changes).toEqual([change]);
      // Another organization's event is nobody's business there, unless its stream follows it as a partner's
      // user holding roles there: then only what it may read there, never what only members read.
      const partner = { kind: "user", id: "demo-partneradmin", org: "agency" } as const;
      expect(visibleEvent(engine, partner, event)).toBeUndefined();
      expect(visibleEvent(engine, partner, event, new Set(["acme"]))?.changes).toEqual([changed]);
    }
    const toPartner = { type: "grant.added", grant: { ...grant, subject: "demo-partneradmin" } } as const;
    const own = { audit: "1", org: "acme", part: 1, parts: 1, changes: [toPartner], seq: 1 };
    const partner = { kind: "user", id: "demo-partneradmin", org: "agency" } as const;
    expect(visibleEvent(engine, partner, own, new Set(["acme"]))?.changes).toEqual([toPartner]);
  });

  it("refuses an actor a stream beyond its limit and the process one beyond its total, until one closes", async () => {
    const app = await serve({ limits: { perActor: 2, total: 3 } });
    const admin = await signIn("admin@acme.example");
    const customer = await signIn("customeruser@acme.example");
    const dev = await signIn("customerdev@acme.example");
    const first = await connect(admin, app);
    const second = await connect(admin, app);
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    const third = await connect(admin, app);
    expect(third.res.status).toBe(429);
    expect(await third.readUntil((t) => t.includes("TOO_MANY_REQUESTS"), 5_000)).toBe(true);
    // Another actor still gets one, up to the process's total of three.
    const other = await connect(customer, app);
    expect(other.res.status).toBe(200);
    expect((await connect(dev, app)).res.status).toBe(429);
    // A closed stream gives its place back (once its relay has ended).
    await first.close();
    const deadline = Date.now() + 5_000;
    let again = await connect(admin, app);
    while (again.res.status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await connect(admin, app);
    }
    expect(again.res.status).toBe(200);
    expect(await again.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    for (const stream of [second, other, again]) await stream.close();
  });

  it("ends the store work of a stream (its subscription) when the client disconnects", async () => {
    // Counts store runs still going: the stream's relay is one until its scope closes.
    let running = 0;
    const tracked: StoreRunner = {
      runPromiseExit: (effect) => {
        running += 1;
        return runtime.runPromiseExit(effect).finally(() => {
          running -= 1;
        });
      },
    };
    const admin = await signIn("admin@acme.example");
    const stream = await connect(admin, { store: tracked });
    expect(await stream.readUntil((t) => t.includes(": connected"), 5_000)).toBe(true);
    expect(running).toBe(1);
    await stream.close();
    const deadline = Date.now() + 5_000;
    while (running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running).toBe(0);
  });

  it("re-checks the session at each heartbeat and ends the stream once it is signed out", async () => {
    const admin = await signIn("admin@acme.example");
    const stream = await connect(admin, { heartbeat: Duration.millis(100) });
    expect(await stream.readUntil((t) => t.includes(": heartbeat"), 5_000)).toBe(true);
    expect(stream.text()).not.toContain("signed-out");
    expect((await send("POST", "auth.logout", {}, admin)).status).toBe(200);
    expect(await stream.readUntil((t) => t.includes("event: signed-out"), 5_000)).toBe(true);
    // The server ended the response: the next read reports the end of the body.
    expect(await stream.readUntil(() => false, 500)).toBe(false);
    expect(stream.ended()).toBe(true);
  });

  it("answers 401 without a session or with a bad one", async () => {
    const anonymous = await connect({});
    expect(anonymous.res.status).toBe(401);
    const forged = await connect({ cookie: `gatehouse_session=${"x".repeat(43)}` });
    expect(forged.res.status).toBe(401);
  });
});
