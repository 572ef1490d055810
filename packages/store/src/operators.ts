// Platform operators: accounts that sign in but belong to no organization (they provision organizations,
// enable products, complete support-ticket requests). Read here without their password hash.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { NotFound } from "./errors.ts";
import { found } from "./versioned.ts";

export interface OperatorRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly version: number;
}

export interface OperatorsShape {
  readonly get: (id: string) => Effect.Effect<OperatorRecord, NotFound>;
  readonly list: () => Effect.Effect<ReadonlyArray<OperatorRecord>>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const columns = sql`id, email, name, version`;

  const get = Effect.fn("Operators.get")(function* (id: string) {
    const rows = yield* Effect.orDie(sql<OperatorRecord>`select ${columns} from operators where id = ${id}`);
    return yield* found("operator", id, rows);
  });

  const list = Effect.fn("Operators.list")(function* () {
    return yield* Effect.orDie(sql<OperatorRecord>`select ${columns} from operators order by lower(email)`);
  });

  return { get, list } satisfies OperatorsShape;
});

export class Operators extends Context.Service<Operators, OperatorsShape>()("@gatehouse/store/Operators") {
  static readonly layer = Layer.effect(Operators, make);
}
