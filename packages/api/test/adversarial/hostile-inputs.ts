// The fuzzing suite's inputs: well-formed values derived from a procedure's own input schema (Effect's Arbitrary),
// each given one hostile mutation chosen by fast-check (NUL, 1 MB strings, deep nesting, prototype keys, huge numbers…).

import { Arbitrary, Effect, Schema, SchemaAST } from "effect";
import fc from "fast-check";

/** One request body or query input, as JSON text (or text that is not JSON at all). */
export interface FuzzInput {
  readonly text: string;
  /** What was done to the well-formed value, for the failure report. */
  readonly mutation: string;
}

const MEGABYTE = 1024 * 1024;
/** Placeholders replaced in the JSON text, since JSON.stringify cannot nest this deep itself. */
const DEEP_ARRAY = "\u0001deep-array\u0001";
const DEEP_OBJECT = "\u0001deep-object\u0001";
const NESTING = 100_000;

const hostileStrings = [
  "\u0000",
  "acme\u0000",
  "\u0000\u0000' or 1=1 --",
  "x".repeat(MEGABYTE),
  `${"\u0000".repeat(1000)}`,
  "\ud800",
  "\udfff\ud800",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "1e309",
  "99999999999999999999",
  "9223372036854775808",
  "-9223372036854775809",
  "18446744073709551616",
  "0x7fffffffffffffff",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "' or '1'='1",
  "'; drop table users; --",
  "%00",
  "\\u0000",
  "\u202e\u0000",
  "",
  " ",
  "eyJhZnRlciI6W119",
  "bm90IGpzb24",
  "!!!not-base64!!!",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "294277-01-01T00:00:00.000Z",
  "-004714-11-23T00:00:00.000Z",
  "0000-01-01T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "2026-02-30T00:00:00.000Z",
  "1970-01-01",
  "not a date",
];

const hostileNumbers = [
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  2 ** 63,
  -(2 ** 63) - 1024,
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  -0,
  0.5,
  1e-320,
  8.64e15 + 1,
];

const wrongTypes: ReadonlyArray<unknown> = [
  null,
  true,
  false,
  [],
  {},
  [null],
  ["acme", "acme"],
  { org: "acme" },
  { length: 1e9 },
  DEEP_ARRAY,
  DEEP_OBJECT,
];

/** Prototype-polluting keys, built by JSON.parse so they are own keys that JSON.stringify writes back. */
const pollutingKeys = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"isAdmin":true,"org":"acme"},"constructor":{"prototype":{"polluted":1}}}');

const hostileValue = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(...wrongTypes),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 5 }).map((s) => `${s}\u0000${s}`),
);

type Mutation =
  | { readonly kind: "leaf"; readonly at: number; readonly value: unknown }
  | { readonly kind: "whole"; readonly value: unknown }
  | { readonly kind: "pollute"; readonly at: number }
  | { readonly kind: "extra"; readonly key: string; readonly value: unknown }
  | { readonly kind: "text"; readonly text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("leaf"), at: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("whole"), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pollute"), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("extra"),
      key: fc.constantFrom("__proto__", "constructor", "x".repeat(10_000), "\u0000", "prototype"),
      value: hostileValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("text"),
      text: fc.constantFrom("{", "\u0000", "", "[", '{"a":', "nul", '"\\ud800"', "{}".repeat(100)),
    }),
  },
);

type Path = ReadonlyArray<string | number>;

/** Every place a value sits in `value`: the root, each property and each element, depth first. */
const places = (value: unknown, at: Path = []): ReadonlyArray<Path> => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => places(v, [...at, i]))];
  if (typeof value === "object" && value !== null)
    return [at, ...Object.entries(value).flatMap(([k, v]) => places(v, [...at, k]))];
  return [at];
};

/** `value` with the place at `path` replaced by `by` (a copy; `value` is left as it was). */
const replaced = (value: unknown, path: Path, by: (old: unknown) => unknown): unknown => {
  if (path.length === 0) return by(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaced(copy[head as string], rest, by);
  return copy;
};

const pick = <A>(items: ReadonlyArray<A>, at: number): A => items[at % items.length] as A;

/** JSON text of `value`, with the deep-nesting placeholders expanded. */
const toText = (value: unknown): string =>
  (JSON.stringify(value) ?? "null")
    .replaceAll(JSON.stringify(DEEP_ARRAY), `${"[".repeat(NESTING)}${"]".repeat(NESTING)}`)
    .replaceAll(JSON.stringify(DEEP_OBJECT), `${'{"a":'.repeat(NESTING)}1${"}".repeat(NESTING)}`);

const describeValue = (value: unknown): string => {
  const text = toText(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
};

const apply = (base: unknown, m: Mutation): FuzzInput => {
  switch (m.kind) {
    case "leaf": {
      const path = pick(places(base), m.at);
      return {
        text: toText(replaced(base, path, () => m.value)),
        mutation: `${path.join(".") || "(input)"} = ${describeValue(m.value)}`,
      };
    }
    case "whole":
      return { text: toText(m.value), mutation: `input = ${describeValue(m.value)}` };
    case "pollute": {
      const objects = places(base).filter((p) => {
        const at = p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
        return typeof at === "object" && at !== null && !Array.isArray(at);
      });
      if (objects.length === 0) return { text: toText(pollutingKeys()), mutation: "input = polluting keys" };
      const path = pick(objects, m.at);
      const polluted = replaced(base, path, (old) => Object.assign(pollutingKeys(), old));
      return { text: toText(polluted), mutation: `${path.join(".") || "(input)"} + __proto__, constructor` };
    }
    case "extra": {
      const extended =
        typeof base === "object" && base !== null && !Array.isArray(base)
          ? Object.assign(JSON.parse(`{${JSON.stringify(m.key)}:null}`), base, { [m.key]: m.value })
          : { [m.key]: m.value };
      return { text: toText(extended), mutation: `extra key ${describeValue(m.key)}` };
    }
    case "text":
      return { text: m.text, mutation: `not JSON: ${JSON.stringify(m.text.slice(0, 20))}` };
  }
};

/** Encoded (wire-format) values of `codec`. */
const sampled = (
  codec: Schema.Codec<unknown, unknown>,
  count: number,
  seed: number,
): ReadonlyArray<unknown> => {
  const values = Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(codec), { count, seed, size: 8 }));
  const encode = Schema.encodeUnknownSync(codec);
  return values.map((value) => encode(value));
};

/**
 * Encoded (wire-format) values of `schema`; a procedure without an input schema gets an empty object. An input whose
 * own checks random values pass too rarely to sample (checkTable's indexes into its lists) gets values of its fields,
 * which those checks mostly refuse: its well-formed questions are its tests' (v1-check-table.test.ts).
 */
const wellFormed = (schema: unknown, count: number, seed: number): ReadonlyArray<unknown> => {
  if (!Schema.isSchema(schema)) return Array.from({ length: count }, () => ({}));
  const codec = schema as Schema.Codec<unknown, unknown>;
  try {
    return sampled(codec, count, seed);
  } catch (error) {
    const ast = codec.ast;
    if (ast._tag !== "Objects" || ast.checks === undefined) throw error;
    const fields = new SchemaAST.Objects(ast.propertySignatures, ast.indexSignatures, ast.annotations);
    return sampled(Schema.make<Schema.Codec<unknown, unknown>>(fields), count, seed);
  }
};

const ORGANIZATION_KEYS = new Set(["org", "customer", "customerOrg"]);

/** `value` with every organization field set to `org`, so the call gets past the organization boundary. */
const inOrganization = (value: unknown, org: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => inOrganization(v, org));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, ORGANIZATION_KEYS.has(k) ? org : inOrganization(v, org)]),
  );
};

/**
 * `count` inputs for a procedure: the first quarter well-formed as the schema makes them (which the generator
 * already fills with NUL, lone surrogates and far dates), the rest each with one hostile mutation. Every other
 * input names organization `org` wherever it names one, so it reaches the handlers behind the boundary.
 */
export const fuzzInputs = (
  schema: unknown,
  options: { readonly count: number; readonly seed: number; readonly org: string },
): ReadonlyArray<FuzzInput> => {
  const { count, seed, org } = options;
  const bases = wellFormed(schema, count, seed).map((base, i) =>
    i % 2 === 0 ? inOrganization(base, org) : base,
  );
  const mutations = fc.sample(mutation, { seed, numRuns: count });
  return bases.map((base, i) =>
    i < count / 4
      ? { text: toText(base), mutation: "none (generated from the schema)" }
      : apply(base, mutations[i] as Mutation),
  );
};
