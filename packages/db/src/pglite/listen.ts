// LISTEN for PGlite: the instance calls back in-process for every notification its session receives.
// Every SqlClient and listener on one PGlite instance is the same session, so NOTIFY reaches them all.
import { Effect, Queue, Stream } from "effect";
import type { SqlError } from "effect/sql";
import type { PgliteDatabaseShape } from "./client.ts";

/** Registers a callback for `channel` and runs LISTEN; both are undone when the scope closes. */
export const pgliteSubscribe = (database: PgliteDatabaseShape) =>
  Effect.fnUntraced(function* (channel: string) {
    const queue = yield* Queue.unbounded<string, SqlError.SqlError>();
    yield* Effect.addFinalizer(() => Queue.shutdown(queue));
    yield* Effect.acquireRelease(
      database.exclusive("listen", (pglite) =>
        pglite.listen(channel, (payload) => {
          Queue.offerUnsafe(queue, payload);
        }),
      ),
      (unlisten) => Effect.ignore(database.exclusive("unlisten", () => unlisten())),
    );
    return Stream.fromQueue(queue);
  });
