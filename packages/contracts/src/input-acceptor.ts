// A quick test, compiled once from an input schema's Effect AST, that an input is one Effect would decode to itself:
// the schema's own checks (lengths, patterns, literals) run on it directly, without Effect's interpreter.
import type { SchemaAST } from "effect";

/** True only when Effect's decoding of `value` succeeds and answers `value` itself; false says nothing. */
export type Accepts = (value: unknown) => boolean;

/*
 * The test is one-sided: false sends the input to Effect, which decides (and words a refusal). So it may refuse
 * whatever it does not fully understand, and it does: an input with a key the schema does not name (Effect would
 * drop it), an `undefined` value (the JSON codec reads `null` for it), a non-plain object; and a schema with any part
 * other than strings, numbers, booleans, literals, null, structs, arrays and unions of them, or with a
 * transformation, gets no test at all. The schema's checks are Effect's own filters, run as Effect runs them.
 */

const NO_OPTIONS: SchemaAST.ParseOptions = {};

/** The fields' pattern refusing NUL (fields.ts): tested as `includes`, which answers the same and scans faster. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the very character refused.
const NO_NUL = /^[^\u0000]*$/u;

const filtersOf = (checks: ReadonlyArray<SchemaAST.Check<unknown>>): SchemaAST.Filter<unknown>[] =>
  checks.flatMap((check) => (check._tag === "Filter" ? [check] : filtersOf(check.checks)));

/** The payload Effect records on its built-in filters (`annotations.representation`), naming what they test. */
interface Representation {
  readonly id?: string;
  readonly payload?: {
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly source?: string;
    readonly flags?: string;
  };
}

/**
 * A filter as a predicate: Effect's length and pattern filters test exactly what their representation names (the same
 * `length` comparison, the same RegExp reset before each test), so they run without Effect's issue wrapping; any other
 * filter runs as Effect runs it.
 */
const predicateOf = (ast: SchemaAST.AST, filter: SchemaAST.Filter<unknown>): Accepts => {
  const { id, payload } = (filter.annotations?.representation ?? {}) as Representation;
  const { minLength, maxLength, source, flags } = payload ?? {};
  if (id === "effect/schema/isMinLength" && minLength !== undefined)
    return (value) => (value as { readonly length: number }).length >= minLength;
  if (id === "effect/schema/isMaxLength" && maxLength !== undefined)
    return (value) => (value as { readonly length: number }).length <= maxLength;
  if (id === "effect/schema/isInt") return (value) => Number.isSafeInteger(value);
  if (id === "effect/schema/isPattern" && source === NO_NUL.source && flags === NO_NUL.flags)
    return (value) => !(value as string).includes("\u0000");
  if (id === "effect/schema/isPattern" && source !== undefined) {
    const pattern = new RegExp(source, flags);
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string);
    };
  }
  return (value) => filter.run(value, ast, NO_OPTIONS) === undefined;
};

/** `base` and then every check of `ast`, as Effect runs them after its type test. */
const checked = (ast: SchemaAST.AST, base: Accepts): Accepts => {
  if (ast.checks === undefined) return base;
  const predicates = filtersOf(ast.checks).map((filter) => predicateOf(ast, filter));
  // Up to three checks (an id's lengths and pattern, an integer's test) without a loop: a table's items run them.
  const [first, second, third] = predicates;
  if (predicates.length === 1 && first !== undefined) return (value) => base(value) && first(value);
  if (predicates.length === 2 && first !== undefined && second !== undefined)
    return (value) => base(value) && first(value) && second(value);
  if (predicates.length === 3 && first !== undefined && second !== undefined && third !== undefined)
    return (value) => base(value) && first(value) && second(value) && third(value);
  return (value) => {
    if (!base(value)) return false;
    for (const holds of predicates) if (!holds(value)) return false;
    return true;
  };
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const objects = (ast: SchemaAST.Objects): Accepts | undefined => {
  if (ast.indexSignatures.length > 0 || ast.encodingChecks !== undefined) return undefined;
  const properties = new Map<string, Accepts>();
  let required = 0;
  for (const p of ast.propertySignatures) {
    const accepts = compileAcceptor(p.type);
    if (typeof p.name !== "string" || accepts === undefined) return undefined;
    properties.set(p.name, accepts);
    if (p.type.context?.isOptional !== true) required++;
  }
  const optional = new Set(
    ast.propertySignatures.filter((p) => p.type.context?.isOptional === true).map((p) => p.name),
  );
  // One pass over the keys the value has (a plain object's, all its own), not over every key the schema names.
  return (value) => {
    if (!isPlainObject(value)) return false;
    let requiredSeen = 0;
    for (const key in value) {
      const accepts = properties.get(key);
      // A key the schema does not name (Effect's answer would leave it out), or an `undefined` value (never accepted).
      if (accepts === undefined) return false;
      const v = value[key];
      if (v === undefined || !accepts(v)) return false;
      if (!optional.has(key)) requiredSeen++;
    }
    if (requiredSeen !== required) return false;
    return Object.getOwnPropertySymbols(value).length === 0;
  };
};

const arrays = (ast: SchemaAST.Arrays): Accepts | undefined => {
  const [item, ...more] = ast.rest;
  if (ast.elements.length > 0 || item === undefined || more.length > 0 || ast.encodingChecks !== undefined)
    return undefined;
  const accepts = compileAcceptor(item);
  if (accepts === undefined) return undefined;
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const v of value) if (!accepts(v)) return false;
    return true;
  };
};

const union = (ast: SchemaAST.Union): Accepts | undefined => {
  if (ast.options !== undefined || ast.encodingChecks !== undefined) return undefined;
  const members: Accepts[] = [];
  for (const type of ast.types) {
    const accepts = compileAcceptor(type);
    // An `undefined` member (an optional field's) accepts nothing here: the other members still do.
    if (accepts === undefined && type._tag !== "Undefined") return undefined;
    if (accepts !== undefined) members.push(accepts);
  }
  const [only, second] = members;
  if (members.length === 1 && only !== undefined) return only;
  // Two members (a value or null, the commonest union in inputs) without a loop: a path row tests one per level.
  if (members.length === 2 && only !== undefined && second !== undefined)
    return (value) => only(value) || second(value);
  return (value) => {
    for (const accepts of members) if (accepts(value)) return true;
    return false;
  };
};

const base = (ast: SchemaAST.AST): Accepts | undefined => {
  switch (ast._tag) {
    case "String":
      return (value) => typeof value === "string";
    case "Boolean":
      return (value) => typeof value === "boolean";
    case "Number":
      return (value) => typeof value === "number";
    case "Null":
      return (value) => value === null;
    case "Literal": {
      const literal = ast.literal;
      return (value) => value === literal;
    }
    case "Objects":
      return objects(ast);
    case "Arrays":
      return arrays(ast);
    case "Union":
      return union(ast);
    default:
      return undefined;
  }
};

/** The test for `ast` (an input schema's type side), or undefined when the schema has a part it does not know. */
export const compileAcceptor = (ast: SchemaAST.AST): Accepts | undefined => {
  if (ast.encoding !== undefined) return undefined;
  const accepts = base(ast);
  return accepts === undefined ? undefined : checked(ast, accepts);
};
