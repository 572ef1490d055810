// inputSchema (@gatehouse/contracts' input-schema.ts, with input-acceptor.ts's compiled test) against Effect's own
// Standard Schema adapter, on every procedure's and /v1 route's input: values made from the schema and hostile
// mutations of them (the fuzzing suite's), each answered alike, the decoded value and a refusal's words.

import { compileAcceptor, inputSchema } from "@gatehouse/contracts";
import { CheckInput, CheckManyInput } from "@gatehouse/contracts/check-inputs";
import { CheckTableInput } from "@gatehouse/contracts/check-table";
import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { decisionRoutes } from "../src/v1/decision-routes.ts";
import { fuzzInputs } from "./adversarial/hostile-inputs.ts";

const SEED = 1414;

/** A checkTable body with a skipped level, attributes and a question naming none. */
const table = {
  subject: "user-1",
  actions: ["experimentation:flag.edit", "experimentation:flag.view"],
  ids: ["acme", "experimentation", "p-1"],
  paths: [[0, 1, null, 2], [0]],
  attrs: [{ production: true }],
  checks: Buffer.from(Int16Array.from([0, 0, 0, 1, 1, -1]).buffer).toString("base64"),
};
const INPUTS = 120;

type Standard = { readonly "~standard": { readonly validate: (value: unknown) => unknown } };

/** The JSON values among the fuzzing suite's inputs for `schema` (a text that is not JSON is no input here). */
const valuesFor = (schema: unknown, seed: number): unknown[] =>
  fuzzInputs(schema, { count: INPUTS, seed, org: "acme" }).flatMap(({ text }) => {
    try {
      return [JSON.parse(text)];
    } catch {
      return [];
    }
  });

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { readonly _def: { readonly inputs: unknown[] } }>,
).flatMap(([path, procedure]) => {
  const input = procedure._def.inputs[0];
  return Schema.isSchema(input)
    ? [{ path, input: input as unknown as Schema.ConstraintDecoder<unknown> & Standard }]
    : [];
});

const seedOf = (path: string): number =>
  [...path].reduce((hash, ch) => (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) | 0, SEED);

describe("inputSchema", () => {
  it("gives the decision questions' inputs the compiled test, which takes a common question as it is", () => {
    const question = {
      subject: "user-1",
      action: "experimentation:flag.edit",
      resource: { org: "acme", product: "experimentation", project: "p-1", attrs: { production: true } },
    };
    expect(compileAcceptor(CheckInput.ast)?.(question)).toBe(true);
    const { subject, ...check } = question;
    expect(compileAcceptor(CheckManyInput.ast)?.({ subject, checks: [check, check] })).toBe(true);
    expect(compileAcceptor(CheckTableInput.ast)?.(table)).toBe(true);
    const outOfRange = Buffer.from(Int16Array.from([0, 0, 1]).buffer).toString("base64");
    expect(compileAcceptor(CheckTableInput.ast)?.({ ...table, checks: outOfRange })).toBe(false);
    // Effect would leave an unknown key out, and reads `null` for an absent field in JSON: Effect decides those.
    expect(compileAcceptor(CheckInput.ast)?.({ ...question, extra: 1 })).toBe(false);
    expect(compileAcceptor(CheckInput.ast)?.({ ...question, resource: { org: "acme", product: null } })).toBe(
      false,
    );
  });

  it("answers every procedure's input as Effect's adapter does, well-formed or hostile", () => {
    expect(procedures.length).toBeGreaterThan(50);
    for (const { path, input } of procedures) {
      const effect = Schema.toStandardSchemaV1(input);
      for (const value of valuesFor(input, seedOf(path)))
        expect(input["~standard"].validate(value), path).toStrictEqual(effect["~standard"].validate(value));
    }
  });

  it("answers every /v1 route's body as Effect's adapter of its JSON codec does", () => {
    for (const route of decisionRoutes) {
      const schema = route.input as Schema.Top & Schema.ConstraintDecoder<unknown>;
      const ours = inputSchema(schema, "json");
      const effect = Schema.toStandardSchemaV1(Schema.toCodecJson(schema));
      const values = [
        ...valuesFor(Schema.toCodecJson(schema), seedOf(route.path)),
        { subject: "u", action: "a", resource: { org: "acme", product: null, attrs: null } },
        { subject: "u", checks: [{ action: "a", resource: { org: "acme", flag: null } }], atLeast: null },
        table,
        { ...table, attrs: [{ production: null }] },
      ];
      for (const value of values)
        expect(ours["~standard"].validate(value), route.path).toStrictEqual(
          effect["~standard"].validate(value),
        );
    }
  });
});
