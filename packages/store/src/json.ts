// JSON for audit rows and notifications: bigints (int8 columns) become strings, Dates ISO text.
// PostgreSQL's int8 reads as a JavaScript bigint on both drivers, which JSON.stringify refuses.
/** `JSON.stringify` with bigints as decimal strings; `undefined` becomes `null`. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
