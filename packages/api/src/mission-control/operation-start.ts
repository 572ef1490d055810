// How an executor starts a stored operation: it claims it while asking the engine again, under the write locks,
// the question the run was authorized by, about the requester; refused, the operation ends cancelled, unrun.
import { startRefusal } from "@gatehouse/domain";
import {
  EngineBehind,
  EngineSync,
  Instances,
  Mutations,
  type OperationRecord,
  Operations,
  type OperationTransition,
  type WriteError,
} from "@gatehouse/store";
import { Data, Effect } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import type { RunStore } from "./executor.ts";
import { operationCheck } from "./operation-check.ts";

/** What a move checks first, in its transaction: the organizations it locks too, and the check. */
interface MoveGuard<E> {
  readonly follows: ReadonlyArray<string>;
  readonly guard: Effect.Effect<void, E, StoreServices>;
}

/**
 * Moves `operation` as the system (no user acts), audited like every change, after `guarded`'s check if given;
 * fails if its status moved meanwhile.
 */
export const moveOperation = <E = never>(
  operation: OperationRecord,
  change: OperationTransition,
  run: RunStore,
  guarded?: MoveGuard<E>,
) =>
  run(
    Effect.gen(function* () {
      const transition = (yield* Operations).transition(operation.id, change);
      const mutated = yield* (yield* Mutations).mutate<OperationRecord, E | WriteError, StoreServices>({
        ...guarded,
        actor: { kind: "system" },
        org: operation.org,
        action: `operation.${change.to}`,
        target: { kind: "operation", id: operation.id },
        run: transition,
      });
      return mutated.value;
    }),
  );

/** The requester may no longer run the operation: `reason`, decided under the organizations' write locks. */
class StartRefused extends Data.TaggedError("StartRefused")<{ readonly reason: string }> {}

/** How many times a start tries again after this process's engine was behind the organizations' newest change. */
const attempts = 3;

/**
 * The question the run was authorized by, asked again about the requester on the engine caught up with the
 * operation's organization and the requester's (a partner's), under their write locks: refused, StartRefused.
 */
const stillAllowed = (operation: OperationRecord, orgs: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const instance = yield* (yield* Instances).get(operation.instance);
    const engine = yield* (yield* EngineSync).caughtUp(orgs);
    const reason = startRefusal(engine, operation.requestedBy, operationCheck(operation.action, instance));
    if (reason !== undefined) return yield* new StartRefused({ reason });
  });

/** The organization of the operation's requester (a partner's own), as this process's engine knows it. */
const requesterOrg = (operation: OperationRecord, run: RunStore) =>
  run(EngineSync.use((sync) => Effect.succeed(sync.engine.findSubject(operation.requestedBy)?.org)));

/**
 * Starts `operation` if it is still submitted and its requester still may run it: claims it (`submitted →
 * in-progress` with `started`, which exactly one process wins), asking the requester's access again in the same
 * transaction, and answers true. A requester refused then (grant removed or expired, account deactivated, even
 * a moment before) ends it cancelled with the reason instead, and it answers false.
 */
export const startOperation = async (
  operation: OperationRecord,
  run: RunStore,
  started: string,
): Promise<boolean> => {
  for (let tried = 1; ; tried++) {
    const current = await run(Operations.use((ops) => ops.get(operation.id)));
    if (current.status !== "submitted") return false;
    const orgs = [operation.org, ...((await requesterOrg(operation, run)) ?? [])];
    try {
      await moveOperation(
        operation,
        { from: ["submitted"], to: "in-progress", actor: null, message: started },
        run,
        { follows: orgs, guard: stillAllowed(operation, orgs) },
      );
      return true;
    } catch (cause) {
      if (cause instanceof EngineBehind && tried < attempts) {
        await run(EngineSync.use((sync) => Effect.ignore(sync.awaitPosition(cause.position, "5 seconds"))));
        continue;
      }
      if (!(cause instanceof StartRefused)) throw cause;
      await moveOperation(
        operation,
        {
          from: ["submitted"],
          to: "cancelled",
          actor: null,
          message: "cancelled: the requester no longer has access",
          error: cause.reason,
        },
        run,
      );
      return false;
    }
  }
};
