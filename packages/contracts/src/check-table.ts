// checkTable: checkMany's questions as a table (each id, action, scope path and set of attributes sent once, each
// question three indexes into them, packed), with its schema, its encoding from questions and its parts read back.
import type { Resource, ResourceAttributes } from "@gatehouse/domain";
import { ResourceAttributes as Attributes } from "@gatehouse/domain";
import { Schema } from "effect";
import { atLeast, MAX_AUDIENCE_USES_ASKED, MAX_CHECKS, tooManyUsesAsked, usesIn } from "./check-inputs.ts";
import { Id } from "./fields.ts";

/** A path's levels, in the order a row lists them. */
export const PATH_LEVELS = ["org", "product", "instance", "project", "environment", "flag"] as const;

/** A question's `attrs` index when it names no attributes. */
export const NO_ATTRS = -1;

/** Indexes per question: its action, its path and its attributes (or NO_ATTRS). */
const PER_CHECK = 3;
/** Base64 characters per question: three 16-bit indexes are six bytes, eight characters without padding. */
const CHARS_PER_CHECK = 8;

/** A scope path as a row: the indexes in `ids` of its levels, in PATH_LEVELS' order, `null` for a level it skips. */
export const PathRow = Schema.Array(Schema.NullOr(Schema.Int))
  .pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(PATH_LEVELS.length)))
  .annotate({
    description:
      "A scope path as a row of indexes in `ids`: its org, product, instance, project, environment and flag in this " +
      "order, `null` for a level it skips; the levels after its deepest are left out",
  });

/**
 * The questions' indexes packed: base64 of 16-bit little-endian signed integers. Its characters are tested by
 * decoding it (unpackIndexes), once, in the table's own check: a pattern would scan it once more.
 */
const PackedIndexes = Schema.String.pipe(
  Schema.check(
    Schema.isMinLength(CHARS_PER_CHECK),
    Schema.isMaxLength(CHARS_PER_CHECK * MAX_CHECKS),
    Schema.makeFilter((packed: string) => packed.length % CHARS_PER_CHECK === 0, {
      message: `send ${CHARS_PER_CHECK} base64 characters per question (A-Z, a-z, 0-9, + and /, no padding)`,
      // What the document says of the alphabet too, which unpackIndexes tests by decoding.
      toJsonSchema: () => ({ pattern: `^(?:[A-Za-z0-9+/]{${CHARS_PER_CHECK}})+$` }),
    }),
  ),
).annotate({
  description:
    "Three indexes per question, in the order the answers follow: its action in `actions`, its path in `paths`, its " +
    "attributes in `attrs` (-1 for none). Packed as 16-bit little-endian signed integers, six bytes per question, " +
    "in base64 (8 characters per question, A-Z, a-z, 0-9, + and /, no padding): Python " +
    "`base64.b64encode(struct.pack('<%dh' % len(ints), *ints))`, Node " +
    "`Buffer.from(Int16Array.from(ints).buffer).toString('base64')` on a little-endian machine.",
});

/**
 * The indexes `checks` packs (PackedIndexes), three per question; undefined when it is no such packing: a length
 * that is not 8 characters per question, or a character outside base64's alphabet (padding and white space included,
 * which `atob` would take or skip, so that the bytes come out short).
 */
export const unpackIndexes = (checks: string): Int16Array | undefined => {
  if (checks.length % CHARS_PER_CHECK !== 0) return undefined;
  let bytes: string;
  try {
    bytes = atob(checks);
  } catch {
    return undefined;
  }
  if (bytes.length !== (checks.length / CHARS_PER_CHECK) * 6) return undefined;
  const out = new Int16Array(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = bytes.charCodeAt(2 * i) | (bytes.charCodeAt(2 * i + 1) << 8);
  return out;
};

/** `ints` packed as PackedIndexes. */
const packIndexes = (ints: ReadonlyArray<number>): string => {
  let bytes = "";
  for (const v of ints) bytes += String.fromCharCode(v & 0xff, (v >> 8) & 0xff);
  return btoa(bytes);
};

/** The words refusing `index` of `name` (below `lowest` or from `count` on), named by `what`. */
const outside = (what: string, name: string, index: number, lowest: number, count: number) =>
  `${what} names ${name} ${index}, which the table does not send ` +
  (count === 0
    ? `(it sends no ${name}${lowest < 0 ? ": -1 for none" : ""})`
    : `(0 to ${count - 1}${lowest < 0 ? ", or -1 for none" : ""})`);

/** Every row names its organization, and only ids the table sends. */
const pathsHold = (ids: number, paths: ReadonlyArray<ReadonlyArray<number | null>>) => {
  for (let i = 0; i < paths.length; i++) {
    const row = paths[i] as ReadonlyArray<number | null>;
    if (row[0] === null)
      return { path: ["paths", i, 0], issue: "name the organization first (a row starts with its org)" };
    for (let k = 0; k < row.length; k++) {
      const index = row[k] as number | null;
      if (index !== null && (index < 0 || index >= ids))
        return { path: ["paths", i, k], issue: outside("this level", "ids", index, 0, ids) };
    }
  }
  return undefined;
};

/** The first index of `checks` naming nothing the table sends, in words; undefined when every one names something. */
const checksHold = (
  checks: Int16Array,
  actions: number,
  paths: number,
  attrs: number,
): string | undefined => {
  // One comparison per index while all hold (a table of a thousand questions is checked on every call).
  for (let j = 0; j < checks.length; j += PER_CHECK) {
    const a = checks[j] as number;
    const p = checks[j + 1] as number;
    const t = checks[j + 2] as number;
    if (a >= 0 && a < actions && p >= 0 && p < paths && t >= NO_ATTRS && t < attrs) continue;
    const question = `question ${j / PER_CHECK}`;
    if (a < 0 || a >= actions) return outside(question, "actions", a, 0, actions);
    if (p < 0 || p >= paths) return outside(question, "paths", p, 0, paths);
    return outside(question, "attrs", t, NO_ATTRS, attrs);
  }
  return undefined;
};

/** The audience uses the questions ask about: each counts the uses its attribute set lists. */
const usesAsked = (
  checks: Int16Array,
  attrs: ReadonlyArray<{ readonly usedBy?: ReadonlyArray<unknown> }> | undefined,
): number => {
  if (attrs === undefined || !attrs.some((a) => usesIn(a) > 0)) return 0;
  let uses = 0;
  for (let j = 2; j < checks.length; j += PER_CHECK) uses += usesIn(attrs[checks[j] as number]);
  return uses;
};

/** The indexes name what the table sends, every row names its organization, and the uses asked stay bounded. */
const indexesHold = Schema.makeFilter(
  (input: {
    readonly ids: ReadonlyArray<string>;
    readonly actions: ReadonlyArray<string>;
    readonly paths: ReadonlyArray<ReadonlyArray<number | null>>;
    readonly attrs?: ReadonlyArray<{ readonly usedBy?: ReadonlyArray<unknown> }>;
    readonly checks: string;
  }) => {
    const pathIssue = pathsHold(input.ids.length, input.paths);
    if (pathIssue !== undefined) return pathIssue;
    const checks = unpackIndexes(input.checks);
    if (checks === undefined)
      return {
        path: ["checks"],
        issue:
          `send ${CHARS_PER_CHECK} base64 characters per question (A-Z, a-z, 0-9, + and /, no padding): three ` +
          "16-bit indexes, its action's, its path's and its attrs'",
      };
    const issue = checksHold(checks, input.actions.length, input.paths.length, input.attrs?.length ?? 0);
    if (issue !== undefined) return { path: ["checks"], issue };
    return usesAsked(checks, input.attrs) <= MAX_AUDIENCE_USES_ASKED || tooManyUsesAsked("checks");
  },
);

/**
 * checkTable: 1 to MAX_CHECKS questions about one subject, answered in their order, as checkMany answers them. Each
 * id, action, path and set of attributes is sent once, a path is a row of indexes into the ids, and each question
 * is three indexes, packed, into the actions, paths and attributes.
 */
export const CheckTableInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  ids: Schema.Array(Id)
    .pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(PATH_LEVELS.length * MAX_CHECKS)))
    .annotate({ description: "The ids the paths name (organizations, products, instances, ...), each once" }),
  actions: Schema.Array(Id)
    .pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS)))
    .annotate({ description: "The actions the questions ask" }),
  paths: Schema.Array(PathRow)
    .pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS)))
    .annotate({ description: "The scope paths they ask about" }),
  attrs: Schema.optionalKey(
    Schema.Array(Attributes)
      .pipe(Schema.check(Schema.isMaxLength(MAX_CHECKS)))
      .annotate({ description: "The resource attributes conditions read, for the questions naming some" }),
  ),
  checks: PackedIndexes,
  atLeast,
}).pipe(Schema.check(indexesHold));
export type CheckTableInput = typeof CheckTableInput.Type;

/** The id of `row`'s level `level`, if it names one. */
const idAt = (
  ids: ReadonlyArray<string>,
  row: ReadonlyArray<number | null>,
  level: number,
): string | undefined => {
  const index = row[level];
  return index === null || index === undefined ? undefined : ids[index];
};

/**
 * The resource of `row` (indexes in `ids`) with `attrs`, in the engine's one shape (every level, then attrs). No
 * closure here: the server runs under tsx, which names each function as it is created, about 1 µs apiece.
 */
export const rowResource = (
  ids: ReadonlyArray<string>,
  row: ReadonlyArray<number | null>,
  attrs: ResourceAttributes | undefined,
): Resource => ({
  org: ids[row[0] as number] as string,
  product: idAt(ids, row, 1),
  instance: idAt(ids, row, 2),
  project: idAt(ids, row, 3),
  environment: idAt(ids, row, 4),
  flag: idAt(ids, row, 5),
  attrs,
});

/** Index of `value` in `list` by `key`, adding it first if new. */
const indexIn = <A>(list: A[], seen: Map<string, number>, key: string, value: A): number => {
  const known = seen.get(key);
  if (known !== undefined) return known;
  seen.set(key, list.length);
  return list.push(value) - 1;
};

/** checkMany's questions as checkTable's body (without subject or atLeast): each id, action, path and attrs once. */
export const toTable = (
  checks: ReadonlyArray<{ readonly action: string; readonly resource: Resource }>,
): Pick<CheckTableInput, "ids" | "actions" | "paths" | "attrs" | "checks"> => {
  const ids: string[] = [];
  const actions: string[] = [];
  const paths: Array<Array<number | null>> = [];
  const attrs: ResourceAttributes[] = [];
  const seen = {
    ids: new Map<string, number>(),
    actions: new Map<string, number>(),
    paths: new Map<string, number>(),
    attrs: new Map<string, number>(),
  };
  const indexes: number[] = [];
  for (const { action, resource } of checks) {
    const row = PATH_LEVELS.map((level) => {
      const id = resource[level];
      return id === undefined ? null : indexIn(ids, seen.ids, id, id);
    });
    while (row.length > 1 && row[row.length - 1] === null) row.pop();
    indexes.push(
      indexIn(actions, seen.actions, action, action),
      indexIn(paths, seen.paths, row.join(","), row),
      resource.attrs === undefined
        ? NO_ATTRS
        : indexIn(attrs, seen.attrs, JSON.stringify(resource.attrs), resource.attrs),
    );
  }
  return { ids, actions, paths, ...(attrs.length > 0 ? { attrs } : {}), checks: packIndexes(indexes) };
};
