// The statement compiler for PGlite: PostgreSQL's `$1` placeholders and double-quoted identifiers.
// Same output as @effect/sql-pg's compiler, so a statement compiles to the same text on both backends.
import { Statement } from "effect/sql";

const escapeIdentifier = Statement.defaultEscape('"');

/** Compiles effect/sql statements for PostgreSQL's dialect; PGlite has no custom fragments. */
export const makePgliteCompiler = (): Statement.Compiler =>
  Statement.makeCompiler({
    dialect: "pg",
    placeholder: (index) => `$${index}`,
    onIdentifier: escapeIdentifier,
    onRecordUpdate: (placeholders, alias, columns, values, returning) => [
      `(values ${placeholders}) AS ${alias}${columns}${returning ? ` RETURNING ${returning[0]}` : ""}`,
      returning ? [...values.flat(), ...returning[1]] : values.flat(),
    ],
    onCustom: (custom) => {
      throw new Error(`PGlite: unsupported SQL fragment ${custom.kind}`);
    },
  });
