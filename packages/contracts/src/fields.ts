// The field schemas every API input is built from, so that each refuses what PostgreSQL cannot take: text without
// NUL characters and within a length bound, ids, versions, page sizes, cursors and instants within a sane range.
import { Schema, SchemaGetter, SchemaTransformation } from "effect";
import { plainSpaces, withoutInvisible } from "./display-text.ts";

/** PostgreSQL's text cannot hold U+0000: refused here, with the field named, rather than by the database. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the very character refused.
const withoutNul = Schema.isPattern(/^[^\u0000]*$/u, { message: "must not contain a NUL character" });

/** Text of `min` to `max` characters without NUL characters. */
export const Text = (max: number, min = 0) =>
  Schema.String.pipe(Schema.check(Schema.isMinLength(min), Schema.isMaxLength(max), withoutNul));

/** A name is one line: no line or paragraph breaks. */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u;
const oneLine = Schema.makeFilter((s: string) => !LINE_BREAK.test(s), { message: "must be one line" });

/** Text with something to see: not only joiners (the zero-width joiner and non-joiner) between nothing. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: joiners and the selector are tested one by one, not as sequences.
const visibleUnlessEmpty = Schema.makeFilter((s: string) => s === "" || /[^\u200C\u200D\uFE0F]/u.test(s), {
  message: "must not be blank",
});

/**
 * Display text as stored: in Unicode's composed form (NFC), so "Café" typed either way is one name, every space as
 * the plain one, and trimmed of surrounding white space.
 */
const composedAndTrimmed = Schema.String.pipe(
  Schema.decodeTo(
    Schema.String,
    new SchemaTransformation.Transformation(
      SchemaGetter.transform((s: string) => plainSpaces(s.normalize("NFC")).trim()),
      SchemaGetter.passthrough(),
    ),
  ),
);

/**
 * A name or other one-line display text: composed (NFC) and trimmed, then `min` to `max` characters of one line
 * without NUL, invisible or direction-changing characters; with `min` 1, text with nothing visible is refused as
 * blank.
 */
export const TrimmedText = (max: number, min = 1) =>
  composedAndTrimmed.pipe(
    Schema.check(
      Schema.isMinLength(min, min === 1 ? { message: "must not be blank" } : undefined),
      Schema.isMaxLength(max),
      withoutNul,
      withoutInvisible,
      oneLine,
      visibleUnlessEmpty,
    ),
  );

/**
 * An email address as people write one, in ASCII: a local part of 1 to 64 printable characters, one @, then a domain
 * of at least two dot-separated labels; no white space, control characters, angle brackets, parentheses, square
 * brackets, backslashes, quotes, commas, colons or semicolons (what an address list or markup would read instead).
 */
const EMAIL =
  /^[\x21\x23-\x27\x2a\x2b\x2d-\x39\x3d\x3f\x41-\x5a\x5e-\x7e]{1,64}@[\x21\x23-\x26\x2a\x2b\x2d\x2f-\x39\x3d\x3f\x41-\x5a\x5e-\x7e]+(?:\.[\x21\x23-\x26\x2a\x2b\x2d\x2f-\x39\x3d\x3f\x41-\x5a\x5e-\x7e]+)+$/u;

/**
 * An email address (EMAIL) in ASCII, at most 254 characters (an address's limit in SMTP's paths): every email
 * input's field. ASCII only, so no address looks like another through a look-alike letter (a Cyrillic "а") or an
 * invisible character; an internationalized domain is written in its `xn--` form.
 */
export const Email = Text(254).pipe(
  Schema.check(
    Schema.makeFilter((s: string) => /^[\x20-\x7e]*$/u.test(s), {
      message: "must be written in ASCII characters (an internationalized domain in its xn-- form)",
    }),
    Schema.isPattern(EMAIL, { message: "must be an email address such as name@example.com" }),
  ),
);

/** The longest id any input names (organizations, users, roles, grants, scopes…). */
export const MAX_ID_LENGTH = 200;

/** An object's id: 1 to 200 characters. */
export const Id = Text(MAX_ID_LENGTH, 1);

/** The version of an object the caller read: stored as a PostgreSQL integer, so 0 to 2,147,483,647. */
export const Version = Schema.Int.pipe(
  Schema.check(Schema.isBetween({ minimum: 0, maximum: 2_147_483_647 })),
);

/** A display name (an organization's, a project's, a group's, an API key's…): trimmed, then 1 to 100 characters. */
export const Name = TrimmedText(100);

/** An environment's or a flag's key: a lower-case letter or digit, then up to 63 of those, `_` or `-`. */
export const Key = Schema.String.pipe(Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9_-]{0,63}$/u)));

/** How many entries one page holds, 1 to `max`. */
export const PageSize = (max: number) =>
  Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: max })));

/** An opaque cursor the API made (`nextCursor` of a previous page). */
export const Cursor = Text(2000, 1);

/** The largest PostgreSQL bigint: numeric cursors (audit entry ids) lie at or below it. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

const DECIMAL = /^[0-9]{1,19}$/u;
const notACursor = "must be the nextCursor of a previous page";

/** A cursor that is a bigint id in decimal, 1 to 19 digits, at most PostgreSQL's largest bigint. */
export const SequenceCursor = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(DECIMAL, { message: notACursor }),
    // Only decimal text reaches BigInt; the pattern has refused the rest.
    Schema.makeFilter((s: string) => !DECIMAL.test(s) || BigInt(s) <= MAX_BIGINT, { message: notACursor }),
  ),
);

const notAToken = "must be a consistency token: the Gatehouse-Token of an earlier answer (decimal digits)";

/**
 * A consistency token (the audit id of a change, answered in the Gatehouse-Token header): decimal, 1 to 19 digits,
 * at most PostgreSQL's largest bigint. A question given one as `atLeast` answers once its server applied the change.
 */
export const ConsistencyToken = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(DECIMAL, { message: notAToken }),
    Schema.makeFilter((s: string) => !DECIMAL.test(s) || BigInt(s) <= MAX_BIGINT, { message: notAToken }),
  ),
);

/**
 * A point in time as an ISO 8601 string, from 1970-01-01 to 9999-12-31 (UTC): every date the API takes (expiries,
 * schedules, audit filters) lies there, and PostgreSQL's timestamps hold all of it.
 */
export const Instant = Schema.DateFromString.pipe(
  Schema.check(
    Schema.isBetweenDate(
      { minimum: new Date("1970-01-01T00:00:00.000Z"), maximum: new Date("9999-12-31T23:59:59.999Z") },
      { message: "must be a date between 1970-01-01 and 9999-12-31" },
    ),
  ),
);
