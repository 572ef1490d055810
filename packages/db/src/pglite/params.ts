// Gives PGlite the parameter types @effect/sql-pg infers from JavaScript values, so both backends agree:
// `${5}` is an int4 on both, a Date a timestamptz, a string untyped (the statement decides), a plain object an error.

const OID = {
  unknown: 0,
  bool: 16,
  bytea: 17,
  int8: 20,
  int4: 23,
  text: 25,
  float8: 701,
  timestamptz: 1184,
} as const;

const ARRAY_OF: Readonly<Record<number, number>> = {
  [OID.bool]: 1000,
  [OID.bytea]: 1001,
  [OID.int4]: 1007,
  [OID.text]: 1009,
  [OID.int8]: 1016,
  [OID.float8]: 1022,
  [OID.timestamptz]: 1185,
};

export interface TypedParam {
  readonly oid: number;
  readonly value: unknown;
}

/** A JavaScript value that has no PostgreSQL type of its own (a plain object, a nested array). */
export class UninferableParameter extends Error {
  override readonly name = "UninferableParameter";
}

const typed = (oid: number, value: unknown): TypedParam => ({ oid, value });

const scalar = (value: unknown): TypedParam => {
  if (value === null || value === undefined) return typed(OID.unknown, null);
  switch (typeof value) {
    case "boolean":
      return typed(OID.bool, value);
    case "bigint":
      return typed(OID.int8, value);
    case "number":
      if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)
        return typed(OID.int4, value);
      if (Number.isSafeInteger(value)) return typed(OID.int8, BigInt(value));
      return typed(OID.float8, value);
    case "string":
      return typed(OID.unknown, value);
  }
  if (value instanceof Date) return typed(OID.timestamptz, value);
  if (value instanceof Uint8Array) return typed(OID.bytea, value);
  if (value instanceof Int8Array)
    return typed(OID.bytea, new Uint8Array(value.buffer, value.byteOffset, value.length));
  throw new UninferableParameter(
    `Cannot infer a PostgreSQL type for ${String(value)}; encode it (JSON.stringify)`,
  );
};

const array = (values: ReadonlyArray<unknown>): TypedParam => {
  if (values.length === 0) return typed(OID.unknown, "{}");
  let elementOid: number | undefined;
  const elements = values.map((element) => {
    if (Array.isArray(element)) throw new UninferableParameter("Nested array parameters are not supported");
    const param = scalar(element);
    if (param.value === null) return null;
    const oid = param.oid === OID.unknown ? OID.text : param.oid;
    if (elementOid !== undefined && elementOid !== oid) {
      throw new UninferableParameter("Array parameter elements must have the same inferred type");
    }
    elementOid = oid;
    return param.value;
  });
  const arrayOid = elementOid === undefined ? undefined : ARRAY_OF[elementOid];
  if (arrayOid === undefined)
    throw new UninferableParameter("Cannot infer the type of an array of only nulls");
  return typed(arrayOid, elements);
};

/** The type and value to bind for each parameter; throws UninferableParameter for values with no type. */
export const inferParams = (params: ReadonlyArray<unknown>): ReadonlyArray<TypedParam> =>
  params.map((param) => (Array.isArray(param) ? array(param) : scalar(param)));
