// An input's Effect schema as tRPC and the /v1 routes validate it (a Standard Schema): an input the schema's compiled
// test accepts is its own decoding; any other is decoded by Effect, whose adapter words a refusal.
import { Exit, Schema } from "effect";
import { compileAcceptor } from "./input-acceptor.ts";

/**
 * `schema` as `Schema.toStandardSchemaV1` makes it (the same object: its AST, its type, its issues), decoding its
 * JSON codec (`Schema.toCodecJson`, where `null` stands for an absent optional field) when `form` is "json". Its
 * `validate` answers an input the compiled test (input-acceptor.ts) accepts as it is, else decodes it with
 * `Schema.decodeUnknownExit`, made once, and only a refusal goes through Effect's adapter, which runs every input in
 * a fiber on a scheduler of its own. Each step costs a fraction of the next (docs/benchmarks.md); all
 * three answer the same value, and a refusal's words are the adapter's.
 */
export function inputSchema<S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
): ReturnType<typeof Schema.toStandardSchemaV1<S>>;
export function inputSchema<S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  form: "json",
): ReturnType<typeof Schema.toStandardSchemaV1<Schema.toCodecJson<S>>>;
export function inputSchema<S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  form: "type" | "json" = "type",
) {
  const decoded = form === "json" ? Schema.toCodecJson(schema) : schema;
  const standard = Schema.toStandardSchemaV1(decoded);
  const adapter = standard["~standard"];
  const accepts = compileAcceptor(schema.ast);
  const decode = Schema.decodeUnknownExit(decoded);
  const validate: typeof adapter.validate = (value) => {
    if (accepts?.(value) === true) return { value: value as S["Type"] };
    const exit = decode(value);
    return Exit.isSuccess(exit) ? { value: exit.value } : adapter.validate(value);
  };
  return Object.defineProperty(standard, "~standard", {
    value: { ...adapter, validate },
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
