// The SDK against the real server: its answers equal the server's, a grant written through the API becomes
// visible, a restart is followed by a reconnect and reload, atLeast waits for a position, it falls back, and it
// refuses a malformed question in the server's words.
import { type Decision, products, type Resource } from "@gatehouse/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BadQuestion,
  createDecisionPoint,
  type DecisionPoint,
  NotFresh,
  PositionNotReached,
} from "../src/index.ts";
import { type Caller, type RealServer, realServer, until } from "./support/real-server.ts";

let server: RealServer;
let key: string;
let admin: Caller;
const points: Array<DecisionPoint> = [];

beforeAll(async () => {
  server = await realServer();
  key = await server.apiKey("acme");
  admin = await server.signIn("admin@acme.example");
}, 180_000);
afterAll(async () => {
  for (const point of points) point.close();
  await server.dispose();
});

const open = (options: Partial<Parameters<typeof createDecisionPoint>[0]> = {}) => {
  const point = createDecisionPoint({
    url: server.url(),
    apiKey: key,
    backoff: { initialMs: 20, maxMs: 200 },
    ...options,
  });
  points.push(point);
  return point;
};

const cms: Resource = { org: "acme", product: "cms", instance: "acme-cms" };
const acmeUsers = [
  "demo-admin",
  "demo-customeruser",
  "demo-customerdev",
  "demo-customeradmin",
  "demo-exp-editor",
  "demo-instance-admin",
  "demo-product-admin",
  "demo-project-owner",
];

/** Many questions: every product's first actions, at the organization and at each product. */
const questions = (): ReadonlyArray<{ action: string; resource: Resource }> =>
  products.flatMap((p) =>
    p.actions.slice(0, 8).flatMap((a) => [
      { action: a.id, resource: { org: "acme" } },
      { action: a.id, resource: { org: "acme", product: p.id } },
    ]),
  );

const serverAnswers = async (
  subject: string,
  checks: ReadonlyArray<{ action: string; resource: Resource }>,
) => {
  const answer = await server.call("POST", "authz.checkMany", { subject, checks }, { bearer: key });
  expect(answer.status).toBe(200);
  return answer.data as ReadonlyArray<Decision>;
};

/** checkResources questions over every product: its first actions at the organization and at the product. */
const resourceQuestions = () => ({
  actions: ["admin-center:user.view"],
  resources: products.flatMap((p) => {
    const actions = p.actions.slice(0, 8).map((a) => a.id);
    return [
      { resource: { org: "acme", product: p.id }, actions },
      { resource: { org: "acme", product: p.id } },
    ];
  }),
});

const serverResources = async (subject: string, asked: ReturnType<typeof resourceQuestions>) => {
  const answer = await server.call("POST", "authz.checkResources", { subject, ...asked }, { bearer: key });
  expect(answer.status).toBe(200);
  return answer.data as ReadonlyArray<{ decisions: ReadonlyArray<Decision> }>;
};

describe("a decision point", () => {
  it("answers check, checkMany, checkResources and whatCan as the server does, for the organization's users", async () => {
    const point = open();
    await point.ready();
    expect(point.freshness()).toMatchObject({ org: "acme", loaded: true, connected: true, fresh: true });
    const checks = questions();
    expect(checks.length).toBeGreaterThan(50);
    const answered: Array<Decision> = [];
    for (const subject of acmeUsers) {
      const many = await point.checkMany({ subject, checks });
      expect(many).toEqual(await serverAnswers(subject, checks));
      answered.push(...many);
      for (const c of checks.slice(0, 10))
        expect(point.checkNow({ subject, ...c })).toBe(many[checks.indexOf(c)]);
      const local = await point.checkResources({ subject, ...resourceQuestions() });
      expect(local).toEqual(await serverResources(subject, resourceQuestions()));
      answered.push(...local.flatMap((r) => r.decisions));
      const what = await server.call("GET", "authz.whatCan", { subject, resource: cms }, { bearer: key });
      expect(await point.whatCan({ subject, resource: cms })).toEqual(what.data);
      const explained = await point.explain({ subject, action: "cms:edit-view.access", resource: cms });
      expect(explained.decision).toBe(
        await point.check({ subject, action: "cms:edit-view.access", resource: cms }),
      );
    }
    // The compared answers hold allows and denies, not only one of them.
    expect(new Set(answered)).toEqual(new Set(["allow", "deny"]));
  });

  it("refuses a resource of another organization, as the server refuses it", async () => {
    const point = open();
    await point.ready();
    const elsewhere = {
      subject: "demo-admin",
      action: "cms:edit-view.access",
      resource: { ...cms, org: "agency" },
    };
    await expect(point.check(elsewhere)).rejects.toThrow('No organization "agency"');
    expect((await server.call("GET", "authz.check", elsewhere, { bearer: key })).status).toBe(404);
    const resources = {
      subject: "demo-admin",
      actions: [elsewhere.action],
      resources: [{ resource: cms }, { resource: elsewhere.resource }],
    };
    await expect(point.checkResources(resources)).rejects.toThrow('No organization "agency"');
    expect((await server.call("POST", "authz.checkResources", resources, { bearer: key })).status).toBe(404);
    const unasked = { subject: "demo-admin", resources: [{ resource: cms }] };
    await expect(point.checkResources(unasked)).rejects.toThrow(/^resources\.0\.actions: /);
    expect((await server.call("POST", "authz.checkResources", unasked, { bearer: key })).status).toBe(400);
  });

  it("sees a grant written through the API, and answers atLeast the write's token", async () => {
    const point = open();
    await point.ready();
    const question = { subject: "demo-customeruser", action: "cms:edit-view.access", resource: cms };
    expect(await point.check(question)).toBe("deny");
    const given = await server.call(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "cms:content-editors", scope: cms },
      admin,
    );
    expect(given.status).toBe(200);
    const token = given.token ?? "";
    expect(token).toBe(await server.lastAudit());
    expect(await point.check(question, { atLeast: token })).toBe("allow");
    expect(BigInt(point.freshness().position) >= BigInt(token)).toBe(true);
    const removed = await server.call(
      "POST",
      "grants.remove",
      { id: (given.data as { id: string }).id, version: 1 },
      admin,
    );
    expect(removed.status).toBe(200);
    expect(await until(() => point.checkNow(question) === "deny")).toBe(true);
  });

  it("answers about a partner user holding grants here, and reloads when its own organization deactivates it", async () => {
    const point = open();
    await point.ready();
    const mc: Resource = { org: "acme", product: "mission-control" };
    const can = await point.whatCan({ subject: "demo-partneruser", resource: mc });
    const action = can[0];
    expect(action).toBeDefined();
    const question = { subject: "demo-partneruser", action: action ?? "", resource: mc };
    const asked = await server.call("GET", "authz.check", question, admin);
    expect(asked.data).toBe("allow");
    expect(point.checkNow(question)).toBe("allow");
    // Agency's audit row: acme's stream cannot send it as data, so it says reload.
    await server.deactivate("agency", "demo-partneruser");
    expect(await until(() => point.checkNow(question) === "deny")).toBe(true);
    expect((await server.call("GET", "authz.check", question, admin)).data).toBe("deny");
  });

  it("gives up on a position it never reaches with a clear error, when it may not ask the server", async () => {
    const point = open({ fallback: "none", atLeastTimeoutMs: 100 });
    await point.ready();
    const question = { subject: "demo-admin", action: "cms:edit-view.access", resource: cms };
    const far = (BigInt(await server.lastAudit()) + 1_000_000n).toString();
    await expect(point.check(question, { atLeast: far })).rejects.toBeInstanceOf(PositionNotReached);
    await expect(point.check(question, { atLeast: "not-a-token" })).rejects.toThrow(
      "is not a consistency token",
    );
    // Nineteen digits past PostgreSQL's largest bigint: refused at once, as the server refuses it.
    await expect(point.check(question, { atLeast: "9223372036854775808" })).rejects.toBeInstanceOf(
      BadQuestion,
    );
  });

  it("reconnects and reloads after the server restarts, seeing what changed while it was away", async () => {
    const point = open({ maxStalenessMs: 60_000 });
    await point.ready();
    const question = { subject: "demo-customerdev", action: "cms:edit-view.access", resource: cms };
    expect(point.checkNow(question)).toBe("deny");
    await server.stop();
    expect(await until(() => !point.freshness().connected)).toBe(true);
    // Written while the listener is down (through the app itself): the SDK hears no change event for it.
    const given = await server.call(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customerdev" }, role: "cms:content-editors", scope: cms },
      admin,
    );
    expect(given.status).toBe(200);
    expect(point.checkNow(question)).toBe("deny");
    await server.start();
    expect(await until(() => point.freshness().connected && point.checkNow(question) === "allow")).toBe(true);
  });

  it("backs off while its snapshot is refused (429), then loads", async () => {
    // The server's own refusal of a snapshot beyond its limits (snapshot-stream.ts), for the first 1.5 s.
    const refuseUntil = Date.now() + 1_500;
    let refused = 0;
    const busy: typeof fetch = (input, init) => {
      if (!String(input).includes("/v1/snapshot") || Date.now() >= refuseUntil) return fetch(input, init);
      refused++;
      const body = { error: { code: "TOO_MANY_REQUESTS", message: "Too many snapshots at once: try again" } };
      return Promise.resolve(Response.json(body, { status: 429, headers: { "retry-after": "5" } }));
    };
    const point = open({ fetch: busy, backoff: { initialMs: 100, maxMs: 5_000 } });
    await point.ready();
    expect(point.freshness()).toMatchObject({ loaded: true, org: "acme" });
    expect(point.freshness().lastError?.message).toBe("Too many snapshots at once: try again");
    // Waits of at least 50, 100, 200, 400 and 800 ms fit at most six tries into 1.5 s; a backoff that started over
    // after each refusal (waits of 50 to 100 ms) would have tried fifteen times or more.
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(refused).toBeLessThanOrEqual(7);
  });

  it("falls back to the server while it is not fresh, or says so with fallback none", async () => {
    // A stream that never opens: the snapshot never loads, so nothing is answered locally.
    const noStream: typeof fetch = (input, init) =>
      String(input).includes("/v1/changes")
        ? Promise.reject(new Error("no stream here"))
        : fetch(input, init);
    const remote = open({ fetch: noStream });
    const none = open({ fetch: noStream, fallback: "none" });
    const question = { subject: "demo-admin", action: "cms:edit-view.access", resource: cms };
    expect(remote.freshness()).toMatchObject({ loaded: false, fresh: false });
    const checks = questions().slice(0, 40);
    expect(await remote.checkMany({ subject: "demo-admin", checks })).toEqual(
      await serverAnswers("demo-admin", checks),
    );
    expect(await remote.checkResources({ subject: "demo-admin", ...resourceQuestions() })).toEqual(
      await serverResources("demo-admin", resourceQuestions()),
    );
    const expected = await server.call("GET", "authz.check", question, { bearer: key });
    expect(await remote.check(question)).toBe(expected.data);
    await expect(none.check(question)).rejects.toBeInstanceOf(NotFresh);
    expect(() => none.checkNow(question)).toThrow(NotFresh);
  });
});

describe("a malformed question", () => {
  const action = "cms:edit-view.access";
  const malformed: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
    [
      "an attribute of the wrong type",
      { subject: "demo-admin", action, resource: { ...cms, attrs: { production: "yes" } } },
    ],
    ["a subject with a NUL character", { subject: "demo-\u0000admin", action, resource: cms }],
    ["an empty subject", { subject: "", action, resource: cms }],
    ["a subject of 300 characters", { subject: "x".repeat(300), action, resource: cms }],
    ["no subject", { action, resource: cms }],
    ["an action of a number", { subject: "demo-admin", action: 7, resource: cms }],
  ];

  /** What the SDK's call throws (its class and words), or what it answered. */
  const thrown = (call: () => unknown): Promise<string> =>
    Promise.resolve()
      .then(call)
      .then(
        (answer) => `answered ${JSON.stringify(answer)}`,
        (error: Error) => `${error instanceof BadQuestion ? "BadQuestion" : error.name}: ${error.message}`,
      );

  /** The server's 400 for the same question through /v1 (its words name the field). */
  const refused = async (path: string, body: unknown) => {
    const res = await server.app.request(`http://localhost${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    return `BadQuestion: ${((await res.json()) as { error: { message: string } }).error.message}`;
  };

  for (const [what, q] of malformed)
    it(`${what}: refused by checkMany, checkResources, explain and whatCan as the server refuses it`, async () => {
      const point = open();
      await point.ready();
      const { subject, action: asked, resource } = q;
      const many = { ...(subject === undefined ? {} : { subject }), checks: [{ action: asked, resource }] };
      const resources = {
        ...(subject === undefined ? {} : { subject }),
        actions: [asked],
        resources: [{ resource }],
      };
      expect(await thrown(() => point.checkMany(many as never))).toBe(await refused("/v1/check-many", many));
      expect(await thrown(() => point.checkResources(resources as never))).toBe(
        await refused("/v1/check-resources", resources),
      );
      const words = await refused("/v1/check", q);
      expect(await thrown(() => point.explain(q as never))).toBe(words);
      if (asked === action) {
        const { action: _, ...about } = q;
        expect(await thrown(() => point.whatCan(about as never))).toBe(words);
      }
    });

  it("is refused by check and checkNow in the server's words when the engine cannot answer it", async () => {
    const point = open();
    await point.ready();
    for (const [, q] of malformed.slice(1)) {
      const words = await refused("/v1/check", q);
      expect(await thrown(() => point.check(q as never))).toBe(words);
      expect(await thrown(() => point.checkNow(q as never))).toBe(words);
    }
  });
});
