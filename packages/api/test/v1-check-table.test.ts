// POST /v1/check-table: checkMany's questions as a table answer exactly as checkMany answers them, for every actor
// (foreign, made-up and unknown parts included), and a table whose indexes name nothing is a 400 naming the index.
import { toTable, unpackIndexes } from "@gatehouse/contracts/check-table";
import { beforeAll, describe, expect, it } from "vitest";
import { type DecisionAskers, decisionAskers } from "./support/decision-askers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import type { Globex } from "./support/second-org.ts";
import { v1Request } from "./support/v1-request.ts";

const MC = "mission-control";
const FX = "experimentation";
const sandbox = { org: "acme", product: MC, instance: "acme-mc-sandbox" };
const production = { ...sandbox, instance: "acme-mc-production" };
const view = `${MC}:site.view`;
const deploy = `${MC}:code.deploy`;
const restart = `${MC}:site.restart`;
const checkout = { org: "acme", product: FX, instance: "acme-exp", project: "acme-checkout" };

/** Indexes packed as checkTable's `checks` (16-bit little-endian, base64), written independently of toTable. */
const packed = (ints: ReadonlyArray<number>) => Buffer.from(Int16Array.from(ints).buffer).toString("base64");

/** `n` uses of an audience: one flag in development, a draft. */
const uses = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    flag: `flag-${i}`,
    production: false,
    flagStatus: "draft" as const,
  }));

type Question = { readonly action: string; readonly resource: Record<string, unknown> };

describe("checkTable", () => {
  const api = demoApi("pglite");
  const v1 = (path: string, body: unknown, call: Call) => v1Request(api.app(), path, body, call);

  let globex: Globex;
  let actors: DecisionAskers["actors"];

  beforeAll(async () => {
    ({ globex, actors } = await decisionAskers(api, "Tables"));
  }, 120_000);

  const onGlobex = () => ({ org: "globex", product: MC, instance: globex.instance });

  /** Questions of every kind: repeated and distinct parts, attributes, foreign, made-up and unknown parts. */
  const asked = (): Array<{ subject?: string; checks: Question[] }> => {
    const feature = { ...checkout, environment: "acme-checkout-production" };
    return [
      {
        subject: "demo-customeruser",
        checks: [
          { action: deploy, resource: sandbox },
          { action: view, resource: sandbox },
          { action: view, resource: production },
          { action: restart, resource: { ...production, attrs: { production: true } } },
          { action: restart, resource: { ...production, attrs: { production: false } } },
          { action: deploy, resource: sandbox },
        ],
      },
      {
        checks: [
          { action: `${FX}:ruleset.edit`, resource: { ...feature, attrs: { rulesetPublished: true } } },
          { action: `${FX}:ruleset.edit`, resource: { ...feature, attrs: { rulesetPublished: false } } },
          { action: `${FX}:flag.view`, resource: { ...checkout, flag: "checkout-redesign" } },
          { action: view, resource: sandbox },
        ],
      },
      {
        subject: "demo-admin",
        checks: [
          { action: deploy, resource: sandbox },
          { action: deploy, resource: onGlobex() },
        ],
      },
      { subject: "demo-admin", checks: [{ action: view, resource: { ...sandbox, org: "nowhere-org" } }] },
      { subject: globex.admin, checks: [{ action: view, resource: sandbox }] },
      { subject: "demo-customeruser", checks: [{ action: `${MC}:site.launch`, resource: sandbox }] },
      { subject: "nobody-at-all", checks: [{ action: view, resource: sandbox }] },
    ];
  };

  /** A question's resource without the keys set to undefined (JSON leaves them out). */
  const plain = (q: Question) => JSON.parse(JSON.stringify(q)) as Question;

  it("answers as checkMany answers the same questions, for every actor", async () => {
    let allowed = 0;
    let refused = 0;
    for (const [name, call] of Object.entries(actors))
      for (const { subject, checks } of asked()) {
        const questions = checks.map(plain);
        const who = subject === undefined ? {} : { subject };
        const many = await v1("/v1/check-many", { ...who, checks: questions }, call);
        const table = { ...who, ...toTable(questions as never) };
        const answer = await v1("/v1/check-table", table, call);
        expect({ name, table, status: answer.status, body: answer.body }).toEqual({
          name,
          table,
          status: many.status,
          body: many.body,
        });
        if (answer.status === 200) allowed += JSON.stringify(answer.body).split('"allow"').length - 1;
        else refused++;
      }
    expect(allowed).toBeGreaterThan(3);
    expect(refused).toBeGreaterThan(3);
  });

  it("sends each part once and answers in the order of the questions", async () => {
    const table = toTable([
      { action: deploy, resource: sandbox },
      { action: view, resource: sandbox },
      { action: view, resource: sandbox },
      { action: deploy, resource: sandbox },
    ]);
    expect(table).toEqual({
      ids: ["acme", MC, "acme-mc-sandbox"],
      actions: [deploy, view],
      paths: [[0, 1, 2]],
      checks: packed([0, 0, -1, 1, 0, -1, 1, 0, -1, 0, 0, -1]),
    });
    expect(unpackIndexes(table.checks)).toEqual(Int16Array.from([0, 0, -1, 1, 0, -1, 1, 0, -1, 0, 0, -1]));
    const answer = await v1("/v1/check-table", { subject: "demo-customeruser", ...table }, actors.key);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 200,
      body: { decisions: ["deny", "allow", "allow", "deny"] },
    });
  });

  it("answers the documented example (docs/decision-api.md) as check-many answers its questions", async () => {
    const example = {
      subject: "demo-customeruser",
      ids: ["acme", MC, "acme-mc-sandbox", FX, "acme-exp", "acme-checkout", "checkout-redesign"],
      paths: [
        [0, 1, 2],
        [0, 3, 4, 5, null, 6],
      ],
      actions: [view, deploy],
      attrs: [{ production: true }],
      checks: "AAAAAP//AQAAAP//AAABAAAA",
    };
    const flag = { ...checkout, flag: "checkout-redesign", attrs: { production: true } };
    const many = await v1(
      "/v1/check-many",
      {
        subject: "demo-customeruser",
        checks: [
          { action: view, resource: sandbox },
          { action: deploy, resource: sandbox },
          { action: view, resource: flag },
        ],
      },
      actors.key,
    );
    const answer = await v1("/v1/check-table", example, actors.key);
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: many.body });
    expect(answer.body).toEqual({ decisions: ["allow", "deny", "deny"] });
  });

  it("refuses an unknown action only where a question asks it, as check-many does (audit G finding 4)", async () => {
    const body = (checks: ReadonlyArray<number>) => ({
      subject: "demo-customeruser",
      ids: ["acme", MC, "acme-mc-sandbox"],
      actions: [view, "nosuch:action"],
      paths: [[0, 1, 2]],
      checks: packed(checks),
    });
    const unused = await v1("/v1/check-table", body([0, 0, -1]), actors.key);
    expect({ status: unused.status, body: unused.body }).toEqual({
      status: 200,
      body: { decisions: ["allow"] },
    });
    const asked = await v1("/v1/check-table", body([0, 0, -1, 1, 0, -1]), actors.key);
    const many = await v1(
      "/v1/check-many",
      {
        subject: "demo-customeruser",
        checks: [
          { action: view, resource: sandbox },
          { action: "nosuch:action", resource: sandbox },
        ],
      },
      actors.key,
    );
    expect({ status: asked.status, body: asked.body }).toEqual({ status: many.status, body: many.body });
    expect(asked.status).toBe(400);
  });

  it("reads a row's skipped levels as absent: a flag scope without its environment", async () => {
    const flag = { ...checkout, flag: "checkout-redesign" };
    const actions = [`${FX}:flag.view`, `${FX}:flag.archive`];
    const many = await v1(
      "/v1/check-many",
      { subject: "demo-exp-editor", checks: actions.map((action) => ({ action, resource: flag })) },
      actors.key,
    );
    const answer = await v1(
      "/v1/check-table",
      {
        subject: "demo-exp-editor",
        actions,
        ids: ["acme", FX, "acme-exp", "acme-checkout", "checkout-redesign"],
        paths: [[0, 1, 2, 3, null, 4]],
        checks: packed([0, 0, -1, 1, 0, -1]),
      },
      actors.key,
    );
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: many.body });
    expect(answer.body).toEqual({ decisions: ["allow", "allow"] });
  });

  it("answers 400 naming the index or field for a table whose parts do not hold, changing nothing", async () => {
    const message = async (body: unknown) => {
      const answer = await v1("/v1/check-table", body, actors.key);
      expect(answer.status).toBe(400);
      return (answer.body as { error: { code: string; message: string } }).error.message;
    };
    const base = {
      subject: "demo-customeruser",
      ids: ["acme", MC, "acme-mc-sandbox"],
      actions: [view],
      paths: [[0, 1, 2]],
    };
    const one = packed([0, 0, -1]);
    expect(await message({ ...base, checks: one.slice(0, 4) })).toMatch(/^checks: /);
    expect(await message({ ...base, checks: `${one}AAAA` })).toMatch(
      /^checks: send 8 base64 characters per question/,
    );
    expect(await message({ ...base, checks: packed([0, 0, -1, 1, 0, -1]) })).toMatch(
      /^checks: question 1 names actions 1, which the table does not send \(0 to 0\)/,
    );
    expect(await message({ ...base, checks: packed([0, 2, -1]) })).toMatch(
      /^checks: question 0 names paths 2/,
    );
    expect(await message({ ...base, checks: packed([0, 0, 0]) })).toMatch(
      /^checks: question 0 names attrs 0, which the table does not send \(it sends no attrs: -1 for none\)/,
    );
    expect(await message({ ...base, checks: packed([0, 0, -2]) })).toMatch(
      /^checks: question 0 names attrs -2/,
    );
    for (const bad of [`${one.slice(0, 7)}=`, `${one.slice(0, 7)} `, `${one.slice(0, 7)}-`, ` ${one}AAAAAAA`])
      expect(await message({ ...base, checks: bad })).toMatch(
        /^checks: send 8 base64 characters per question/,
      );
    expect(await message({ ...base, checks: [0, 0, -1] })).toMatch(/^checks: /);
    expect(await message({ ...base, paths: [[0, 1, 3]], checks: one })).toMatch(
      /^paths\.0\.2: this level names ids 3, which the table does not send \(0 to 2\)/,
    );
    expect(await message({ ...base, paths: [[0, -1]], checks: one })).toMatch(
      /^paths\.0\.1: this level names ids -1/,
    );
    expect(await message({ ...base, paths: [[0, "acme"]], checks: one })).toMatch(/^paths\.0\.1: /);
    expect(await message({ ...base, ids: [], checks: one })).toMatch(/^ids: /);
    expect(await message({ ...base, ids: ["acme", "x\u0000y"], checks: one })).toMatch(/^ids\.1: /);
    expect(await message({ ...base, paths: [[null, 1]], checks: one })).toMatch(
      /^paths\.0\.0: name the organization first/,
    );
    expect(await message({ ...base, paths: [[0, 1, null, null, null, null, 2]], checks: one })).toMatch(
      /^paths\.0: /,
    );
    expect(await message({ ...base, actions: [], checks: one })).toMatch(/^actions: /);
    const times = (n: number) => packed(Array.from({ length: n }, () => [0, 0, -1]).flat());
    expect(await message({ ...base, checks: times(1001) })).toMatch(/^checks: /);
    const thousand = await v1("/v1/check-table", { ...base, checks: times(1000) }, actors.key);
    expect({ status: thousand.status, body: thousand.body }).toEqual({
      status: 200,
      body: { decisions: Array.from({ length: 1000 }, () => "allow") },
    });
  });

  it("bounds the audience uses one call asks about, as a table and as check-resources (audit G finding 1)", async () => {
    const audience = { ...checkout, attrs: { platform: "feature" as const, usedBy: uses(100) } };
    const edit = `${FX}:audience.edit`;
    const message = async (path: string, body: unknown) => {
      const answer = await v1(path, body, actors.key);
      expect(answer.status).toBe(400);
      return (answer.body as { error: { message: string } }).error.message;
    };
    const subject = "demo-exp-editor";
    // 500 questions × 100 uses: 50,000, the most; one more question is refused before any decision.
    const table = (n: number) => ({
      subject,
      ...toTable(Array.from({ length: n }, () => ({ action: edit, resource: audience }))),
    });
    const most = await v1("/v1/check-table", table(500), actors.key);
    expect(most.status).toBe(200);
    expect(await message("/v1/check-table", table(501))).toMatch(
      /^checks: ask about at most 50000 audience uses in all/,
    );
    const actions = (n: number) => Array.from({ length: n }, () => edit);
    expect(
      await message("/v1/check-resources", {
        subject,
        actions: actions(501),
        resources: [{ resource: audience }],
      }),
    ).toMatch(/^resources: ask about at most 50000 audience uses in all/);
    // One resource lists at most 2,000 uses.
    const tooMany = { ...audience, attrs: { ...audience.attrs, usedBy: uses(2001) } };
    expect(await message("/v1/check", { subject, action: edit, resource: tooMany })).toMatch(
      /^resource\.attrs\.usedBy: /,
    );
  });

  it("asks about every path it sends: another organization's, even unused, is answered as a made-up one", async () => {
    const body = (org: string) => ({
      subject: "demo-customeruser",
      ids: ["acme", MC, "acme-mc-sandbox", org, "some-instance"],
      actions: [view],
      paths: [
        [0, 1, 2],
        [3, 1, 4],
      ],
      checks: packed([0, 0, -1]),
    });
    const foreign = await v1("/v1/check-table", body("globex"), actors.key);
    const madeUp = await v1("/v1/check-table", body("nowhere-org"), actors.key);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body).replaceAll("globex", "X")).toBe(
      JSON.stringify(madeUp.body).replaceAll("nowhere-org", "X"),
    );
  });
});
