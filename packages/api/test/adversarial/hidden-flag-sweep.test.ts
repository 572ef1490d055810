// A flag hidden by flag-none is no flag to its reader (docs/decisions.md#feature-experimentation): every Feature
// Experimentation procedure (flags, audiences, environments, projects' Feature reads, the grants, invitations,
// previews, may and authz answers about a flag) answers about it exactly as about a made-up id, and no answer names it.
import { describe, expect, it } from "vitest";
import { alike, type Swaps } from "../support/alike-answers.ts";
import { type Answer, type Call, demoApi } from "../support/demo-api.ts";
import { procedures } from "./support/isolation/procedures.ts";

const { send, signIn, rows, auditCount } = demoApi();

const HIDDEN = "acme-new-cart";
const HIDDEN_NAME = "New cart";
const MADE_UP = "flg_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const swaps: Swaps = [[HIDDEN, MADE_UP]];

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const development = "acme-checkout-development";

/** What a call reads of the stored world: versions given in inputs, the same for the hidden and the made-up call. */
interface Versions {
  readonly flag: number;
  readonly audience: number;
}

/** A call naming `flag`: its procedure and method, and its input. */
interface Naming {
  readonly path: string;
  readonly method: "GET" | "POST";
  readonly input: (flag: string, v: Versions) => object;
}

const flagGrant = (flag: string) => ({ role: "experimentation:flag-viewer", scope: { ...checkout, flag } });

/** Every Feature Experimentation call whose input names a flag. */
const naming: ReadonlyArray<Naming> = [
  {
    path: "flags.toggle",
    method: "POST",
    input: (id) => ({ id, environment: development, enabled: false }),
  },
  {
    path: "flags.setStatus",
    method: "POST",
    input: (id, v) => ({ id, version: v.flag, status: "paused" }),
  },
  ...(["attach", "detach"] as const).map((use) => ({
    path: `audiences.${use}`,
    method: "POST" as const,
    input: (flag: string, v: Versions) => ({
      id: "acme-returning",
      version: v.audience,
      flag,
      environment: development,
    }),
  })),
  {
    path: "grants.create",
    method: "POST",
    input: (flag) => ({ subject: { kind: "user", id: "demo-exp-viewer" }, ...flagGrant(flag) }),
  },
  {
    path: "users.invite",
    method: "POST",
    input: (flag) => ({
      org: "acme",
      emails: ["hidden-flag-sweep@acme.example"],
      language: "en",
      grants: [flagGrant(flag)],
    }),
  },
  {
    path: "whatIf.preview",
    method: "GET",
    input: (flag) => ({ subject: "demo-exp-viewer", change: { kind: "create", ...flagGrant(flag) } }),
  },
  { path: "flags.roles", method: "GET", input: (id) => ({ id }) },
  {
    path: "whatIf.invite",
    method: "GET",
    input: (flag) => ({ org: "acme", email: "hidden-flag-sweep@acme.example", grants: [flagGrant(flag)] }),
  },
];

/**
 * Every Feature Experimentation read whose input names no flag, with its status for the flag-none reader (200
 * unless given): its answer must not name the hidden one.
 */
const reading: ReadonlyArray<{
  readonly path: string;
  readonly input: object | undefined;
  readonly status?: number;
}> = [
  { path: "flags.list", input: { project: "acme-checkout" } },
  { path: "environments.roles", input: { id: "acme-checkout-production" }, status: 403 },
  { path: "audiences.list", input: { project: "acme-checkout" } },
  { path: "audiences.roles", input: { project: "acme-checkout" } },
  { path: "projects.environments.list", input: { project: "acme-checkout" } },
  { path: "projects.collaborating", input: undefined },
];

/** Mutations about no flag, refused or not: their answers and `may`'s reasons must not name the hidden flag. */
const unnamed: ReadonlyArray<{ readonly path: string; readonly input: (v: Versions) => object }> = [
  {
    path: "audiences.rename",
    input: (v) => ({ id: "acme-returning", version: v.audience, name: "Renamed" }),
  },
  { path: "audiences.archive", input: (v) => ({ id: "acme-returning", version: v.audience }) },
  { path: "audiences.create", input: () => ({ project: "acme-checkout", key: "sweep", name: "Sweep" }) },
  { path: "flags.create", input: () => ({ project: "acme-checkout", key: "sweep", name: "Sweep" }) },
  {
    path: "environments.create",
    input: () => ({ project: "acme-checkout", key: "sweep", name: "Sweep" }),
  },
  {
    path: "environments.update",
    input: () => ({ id: development, version: 1, key: "dev2" }),
  },
  { path: "environments.remove", input: () => ({ id: development, version: 1 }) },
];

/** The Feature Experimentation routers, whose every procedure this sweep must call. */
const fxRouters = ["flags.", "audiences.", "environments.", "projects.environments."];

const versions = async (): Promise<Versions> => {
  const [flag] = await rows<{ version: number }>(`select version from flags where id = '${HIDDEN}'`);
  const [audience] = await rows<{ version: number }>(
    "select version from audiences where id = 'acme-returning'",
  );
  return { flag: flag?.version ?? 0, audience: audience?.version ?? 0 };
};

/** Everything a caller sees of an answer, as one text. */
const text = (answer: Answer) => JSON.stringify([answer.status, answer.error?.message, answer.data]);

const namesNoHiddenFlag = (answer: Answer, what: string) => {
  expect(text(answer), what).not.toContain(HIDDEN);
  expect(text(answer), what).not.toContain(HIDDEN_NAME);
};

const mayAnswer = (call: Call, procedure: string, input: object) =>
  send("GET", "may", { procedure, input }, call);

describe("a flag hidden by flag-none", () => {
  it("the sweep calls every procedure of the Feature Experimentation routers", () => {
    const swept = new Set([...naming, ...reading, ...unnamed].map((c) => c.path));
    const fx = procedures()
      .map((p) => p.path)
      .filter((path) => fxRouters.some((prefix) => path.startsWith(prefix)));
    expect(fx.length).toBeGreaterThan(0);
    expect(fx.filter((path) => !swept.has(path))).toEqual([]);
  });

  it("answers every call naming it exactly as one naming a made-up flag; may alike; nothing written", async () => {
    const flagNone = await signIn("exp-flag-none@acme.example");
    for (const call of naming) {
      const v = await versions();
      const audits = await auditCount();
      const hidden = await send(call.method, call.path, call.input(HIDDEN, v), flagNone);
      const madeUp = await send(call.method, call.path, call.input(MADE_UP, v), flagNone);
      alike(hidden, madeUp, swaps);
      expect(text(hidden), call.path).not.toContain(HIDDEN_NAME);
      if (call.method === "POST") {
        const mayHidden = await mayAnswer(flagNone, call.path, call.input(HIDDEN, v));
        const mayMadeUp = await mayAnswer(flagNone, call.path, call.input(MADE_UP, v));
        expect(mayHidden.data, call.path).toEqual(
          JSON.parse(JSON.stringify(mayMadeUp.data).replaceAll(MADE_UP, HIDDEN)),
        );
        expect(text(mayHidden), call.path).not.toContain(HIDDEN_NAME);
      }
      expect(await auditCount(), call.path).toBe(audits);
    }
  });

  it("is named by no read, refusal or may reason of the Feature routers", async () => {
    const flagNone = await signIn("exp-flag-none@acme.example");
    for (const read of reading) {
      const answer = await send("GET", read.path, read.input, flagNone);
      expect(answer.status, read.path).toBe(read.status ?? 200);
      namesNoHiddenFlag(answer, read.path);
    }
    for (const call of unnamed) {
      const input = call.input(await versions());
      namesNoHiddenFlag(await mayAnswer(flagNone, call.path, input), `may ${call.path}`);
    }
    // The audience used by the hidden flag: its role is still lowered by flag-none, by a flag not named.
    const rename = await send(
      "POST",
      "audiences.rename",
      { id: "acme-returning", version: (await versions()).audience, name: "Renamed" },
      flagNone,
    );
    expect(rename.status).toBe(403);
    expect(rename.error?.message).toContain("lowered by No Flag Access on a flag hidden from you");
    namesNoHiddenFlag(rename, "audiences.rename");
    const roles = (await send("GET", "audiences.roles", { project: "acme-checkout" }, flagNone))
      .data as ReadonlyArray<{ id: string; role: string; use: { flagName: string | null } | null }>;
    expect(roles.find((a) => a.id === "acme-returning")).toMatchObject({
      role: "none",
      use: { flagName: null, environmentName: expect.any(String) },
    });
  });

  it("is named in no explanation of the reader's own access (the decision still counts its flag-none)", async () => {
    const flagNone = await signIn("exp-flag-none@acme.example");
    const audience = (
      (await send("GET", "audiences.list", { project: "acme-checkout" }, flagNone)).data as ReadonlyArray<{
        id: string;
        resource: object;
      }>
    ).find((a) => a.id === "acme-returning");
    const explained = await send(
      "GET",
      "authz.explain",
      { action: "experimentation:audience.edit", resource: audience?.resource },
      flagNone,
    );
    expect(explained.status).toBe(200);
    namesNoHiddenFlag(explained, "authz.explain");
    const resource = { ...checkout, flag: HIDDEN };
    for (const [path, input] of [
      ["authz.explain", { action: "experimentation:flag.view", resource }],
      ["authz.whatCan", { resource }],
    ] as const) {
      const about = await send("GET", path, input, flagNone);
      expect(about.status, path).toBe(200);
      expect(text(about), path).not.toContain(HIDDEN_NAME);
    }
  });

  it("is seen and named as before by whoever manages the project's collaborators", async () => {
    const owner = await signIn("exp-project-owner@acme.example");
    const list = await send("GET", "audiences.list", { project: "acme-checkout" }, owner);
    expect(text(list)).toContain(HIDDEN_NAME);
    const toggle = await send(
      "GET",
      "may",
      { procedure: "flags.toggle", input: { id: HIDDEN, environment: development, enabled: true } },
      owner,
    );
    expect(toggle.data).toMatchObject({ allowed: true });
  });
});
