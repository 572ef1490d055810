// POST /v1/check-resources and tRPC's authz.checkResources: several actions on each of several resources about one
// subject answer exactly as checkMany answers the same questions one by one, for every actor, on PGlite.
import { beforeAll, describe, expect, it } from "vitest";
import { type DecisionAskers, decisionAskers } from "./support/decision-askers.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import type { Globex } from "./support/second-org.ts";
import { asV1, v1Request } from "./support/v1-request.ts";

const MC = "mission-control";
const sandbox = { org: "acme", product: MC, instance: "acme-mc-sandbox" };
const production = { ...sandbox, instance: "acme-mc-production" };
const view = `${MC}:site.view`;
const deploy = `${MC}:code.deploy`;
const restart = `${MC}:site.restart`;

interface Asked {
  readonly subject?: string;
  readonly actions?: ReadonlyArray<string>;
  readonly resources: ReadonlyArray<{ readonly resource: unknown; readonly actions?: ReadonlyArray<string> }>;
}

/** The same questions as a checkMany input: each resource's actions (else the input's), in order. */
const asCheckMany = (input: Asked) => ({
  ...(input.subject === undefined ? {} : { subject: input.subject }),
  checks: input.resources.flatMap((r) =>
    (r.actions ?? input.actions ?? []).map((action) => ({ action, resource: r.resource })),
  ),
});

/** checkMany's flat decisions regrouped per resource, as checkResources answers them. */
const regrouped = (input: Asked, decisions: ReadonlyArray<string>) => {
  let at = 0;
  return {
    results: input.resources.map((r) => {
      const n = (r.actions ?? input.actions ?? []).length;
      at += n;
      return { decisions: decisions.slice(at - n, at) };
    }),
  };
};

describe("checkResources", () => {
  const api = demoApi("pglite");
  const { send } = api;
  const v1 = (path: string, body: unknown, call: Call) => v1Request(api.app(), path, body, call);

  let globex: Globex;
  let actors: DecisionAskers["actors"];

  beforeAll(async () => {
    ({ globex, actors } = await decisionAskers(api, "Resource pages"));
  }, 120_000);

  const onGlobex = () => ({ org: "globex", product: MC, instance: globex.instance });

  /** Inputs of every kind: own and others' subjects, shared and own actions, foreign, made-up and bad resources. */
  const inputs = (): Asked[] => [
    { subject: "demo-customeruser", resources: [{ resource: sandbox, actions: [deploy, view, restart] }] },
    {
      subject: "demo-customeruser",
      actions: [view, deploy],
      resources: [{ resource: sandbox }, { resource: production }, { resource: sandbox, actions: [restart] }],
    },
    { actions: [view, deploy, view], resources: [{ resource: production }, { resource: sandbox }] },
    {
      subject: "demo-admin",
      actions: [deploy],
      resources: [{ resource: sandbox }, { resource: onGlobex() }],
    },
    {
      subject: "demo-admin",
      actions: [view],
      resources: [{ resource: { ...onGlobex(), org: "nowhere-org" } }],
    },
    { subject: globex.admin, actions: [view], resources: [{ resource: sandbox }] },
    { subject: "demo-customeruser", actions: [`${MC}:site.launch`], resources: [{ resource: sandbox }] },
  ];

  it("answers as checkMany answers the same questions, on /v1 and tRPC, for every actor", async () => {
    let allowed = 0;
    let refused = 0;
    for (const [name, call] of Object.entries(actors))
      for (const input of inputs()) {
        const many = await v1("/v1/check-many", asCheckMany(input), call);
        const expected =
          many.status === 200
            ? { status: 200, body: regrouped(input, (many.body as { decisions: string[] }).decisions) }
            : { status: many.status, body: many.body };
        const answer = await v1("/v1/check-resources", input, call);
        const trpc = asV1(await send("POST", "authz.checkResources", input, call), (results) => ({
          results,
        }));
        expect({ name, input, status: answer.status, body: answer.body }).toEqual({
          name,
          input,
          ...expected,
        });
        expect({ name, input, ...trpc }).toEqual({ name, input, ...expected });
        if (answer.status === 200) allowed += JSON.stringify(answer.body).split('"allow"').length - 1;
        else refused++;
      }
    // The table holds allows and refusals, not only denials.
    expect(allowed).toBeGreaterThan(3);
    expect(refused).toBeGreaterThan(3);
  });

  it("asks a resource its own actions, else the input's, answering in their order", async () => {
    const answer = await v1(
      "/v1/check-resources",
      {
        subject: "demo-customeruser",
        actions: [deploy, view],
        resources: [{ resource: sandbox }, { resource: sandbox, actions: [view, view, deploy] }],
      },
      actors.key,
    );
    expect(answer).toMatchObject({
      status: 200,
      body: { results: [{ decisions: ["deny", "allow"] }, { decisions: ["allow", "allow", "deny"] }] },
    });
  });

  it("answers 400 naming the field for a resource asked nothing, none at all, or over 1000 decisions", async () => {
    const message = async (body: unknown) => {
      const answer = await v1("/v1/check-resources", body, actors.key);
      expect(answer.status).toBe(400);
      return (answer.body as { error: { code: string; message: string } }).error;
    };
    const subject = "demo-customeruser";
    expect(
      await message({ subject, resources: [{ resource: sandbox, actions: [view] }, { resource: sandbox }] }),
    ).toEqual({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^resources\.1\.actions: name the actions/),
    });
    expect(await message({ subject, actions: [view], resources: [] })).toMatchObject({
      message: expect.stringMatching(/^resources: /),
    });
    expect(await message({ subject, actions: [], resources: [{ resource: sandbox }] })).toMatchObject({
      message: expect.stringMatching(/^actions: /),
    });
    const rows = (n: number) => Array.from({ length: n }, () => ({ resource: sandbox }));
    const tenEach = Array.from({ length: 10 }, () => view);
    expect(await message({ subject, actions: tenEach, resources: rows(101) })).toMatchObject({
      message: expect.stringMatching(/^resources: ask for at most 1000 decisions in all/),
    });
    const thousand = await v1(
      "/v1/check-resources",
      { subject, actions: tenEach, resources: rows(100) },
      actors.key,
    );
    expect(thousand.status).toBe(200);
    const results = (thousand.body as { results: { decisions: string[] }[] }).results;
    expect(results.flatMap((r) => r.decisions)).toEqual(Array.from({ length: 1000 }, () => "allow"));
  });
});
