// What GET /v1/snapshot and GET /v1/changes let out: the key's organization's data and the partner grants into it,
// never another organization's; who may read them (keys of the organization, its super admin, nobody else).
import type { SnapshotRow } from "@gatehouse/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, type RealServer, realServer, until } from "./support/real-server.ts";

let server: RealServer;
let acmeKey: string;
let agencyKey: string;

beforeAll(async () => {
  server = await realServer();
  acmeKey = await server.apiKey("acme");
  agencyKey = await server.apiKey("agency");
}, 180_000);
afterAll(() => server.dispose());

const headersOf = (caller: Caller): Record<string, string> =>
  "bearer" in caller ? { authorization: `Bearer ${caller.bearer}` } : { cookie: caller.cookie };

const snapshotOf = async (caller: Caller) => {
  const res = await fetch(`${server.url()}/v1/snapshot`, { headers: headersOf(caller) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/x-ndjson");
  const lines = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string });
  expect(lines[0]).toMatchObject({ type: "snapshot", format: 1 });
  expect(lines.at(-1)).toMatchObject({ type: "end", rows: lines.length - 2 });
  return lines.slice(1, -1) as unknown as ReadonlyArray<SnapshotRow>;
};

/** A raw change stream: everything it sent so far, as text. */
const follow = (key: string) => {
  const abort = new AbortController();
  let text = "";
  const done = fetch(`${server.url()}/v1/changes`, {
    headers: { authorization: `Bearer ${key}` },
    signal: abort.signal,
  })
    .then(async (res) => {
      const decoder = new TextDecoder();
      for await (const chunk of res.body ?? []) text += decoder.decode(chunk, { stream: true });
    })
    .catch(() => undefined);
  return { text: () => text, close: () => abort.abort(), done };
};

const of = <T extends SnapshotRow["type"]>(rows: ReadonlyArray<SnapshotRow>, type: T) =>
  rows.filter((r): r is Extract<SnapshotRow, { type: T }> => r.type === type);

describe("the organization's snapshot", () => {
  it("holds the customer's data and the partner grants into it, and of the partner only what those need", async () => {
    const rows = await snapshotOf({ bearer: acmeKey });
    const users = of(rows, "user");
    const groups = of(rows, "group");
    const grants = of(rows, "grant").map((r) => r.grant);
    expect(users.some((u) => u.org === "acme")).toBe(true);
    expect(grants.every((g) => g.scope.org === "acme")).toBe(true);
    const partners = users.filter((u) => u.org !== "acme");
    expect(partners.map((u) => u.id)).toContain("demo-partneruser");
    // Each partner user is there for a grant in acme (its own, or its group's).
    const holders = new Set(grants.map((g) => g.subject));
    const members = of(rows, "member");
    for (const p of partners)
      expect(holders.has(p.id) || members.some((m) => m.user === p.id && holders.has(m.group))).toBe(true);
    expect(groups.every((g) => g.org === "acme" || holders.has(g.id))).toBe(true);
    const orgs = of(rows, "org");
    expect(orgs.map((o) => o.id).sort()).toEqual(["acme", "agency"]);
    expect(of(rows, "role").every((r) => r.role.org === "acme")).toBe(true);
  });

  it("of the partner organization holds only its own data: nothing of its customers", async () => {
    const rows = await snapshotOf({ bearer: agencyKey });
    expect(of(rows, "org").map((o) => o.id)).toEqual(["agency"]);
    expect(of(rows, "user").length).toBeGreaterThan(0);
    expect(of(rows, "user").every((u) => u.org === "agency")).toBe(true);
    expect(of(rows, "group").every((g) => g.org === "agency")).toBe(true);
    expect(of(rows, "grant").every((g) => g.grant.scope.org === "agency")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("acme");
  });

  it("is read by a key of the organization or its super admin; anyone else is refused", async () => {
    expect((await fetch(`${server.url()}/v1/snapshot`)).status).toBe(401);
    const bad = await fetch(`${server.url()}/v1/snapshot`, { headers: { authorization: "Bearer gh_nope" } });
    expect(bad.status).toBe(401);
    const superAdmin = await server.signIn("admin@acme.example");
    expect(of(await snapshotOf(superAdmin), "user").length).toBeGreaterThan(0);
    const instanceAdmin = await server.signIn("instance-admin@acme.example");
    for (const path of ["/v1/snapshot", "/v1/changes"]) {
      const refused = await fetch(`${server.url()}${path}`, { headers: headersOf(instanceAdmin) });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    const operator = await server.signIn("operator@gatehouse.example");
    expect((await fetch(`${server.url()}/v1/snapshot`, { headers: headersOf(operator) })).status).toBe(403);
  });
});

describe("the change stream", () => {
  it("sends a change to its organization and only the bare position to another", async () => {
    const acme = follow(acmeKey);
    const agency = follow(agencyKey);
    try {
      expect(
        await until(() => acme.text().includes("event: ready") && agency.text().includes("event: ready")),
      ).toBe(true);
      const admin = await server.signIn("admin@acme.example");
      const given = await server.call(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customeruser" },
          role: "cms:content-editors",
          scope: { org: "acme", product: "cms", instance: "acme-cms" },
        },
        admin,
      );
      expect(given.status).toBe(200);
      const audit = await server.lastAudit();
      const grant = (given.data as { id: string }).id;
      expect(await until(() => acme.text().includes(`id: ${audit}`))).toBe(true);
      expect(acme.text()).toContain("event: change");
      expect(acme.text()).toContain(grant);
      expect(await until(() => agency.text().includes(`"position":"${audit}"`))).toBe(true);
      expect(agency.text()).not.toContain(grant);
      expect(agency.text()).not.toContain("demo-customeruser");
      expect(agency.text()).not.toContain("event: change");
    } finally {
      acme.close();
      agency.close();
    }
  });
});
