// How an executor starts a stored operation: it asks the engine again, about the requester, the question the run
// was authorized by; refused, the operation ends cancelled with the reason, unrun; allowed, the executor claims it.
import { startRefusal } from "@gatehouse/domain";
import {
  EngineSync,
  Instances,
  Mutations,
  type OperationRecord,
  Operations,
  type OperationTransition,
} from "@gatehouse/store";
import { Effect } from "effect";
import type { RunStore } from "./executor.ts";
import { operationCheck } from "./operation-check.ts";

/** Moves `operation` as the system (no user acts), audited like every change; fails if its status moved meanwhile. */
export const moveOperation = (operation: OperationRecord, change: OperationTransition, run: RunStore) =>
  run(
    Effect.gen(function* () {
      const mutated = yield* (yield* Mutations).mutate({
        actor: { kind: "system" },
        org: operation.org,
        action: `operation.${change.to}`,
        target: { kind: "operation", id: operation.id },
        run: (yield* Operations).transition(operation.id, change),
      });
      return mutated.value;
    }),
  );

/** Why the operation's requester may not run it now (this process's engine, as a request here is judged). */
const refusalNow = (operation: OperationRecord) =>
  Effect.gen(function* () {
    const instance = yield* (yield* Instances).get(operation.instance);
    const { engine } = yield* EngineSync;
    return startRefusal(engine, operation.requestedBy, operationCheck(operation.action, instance));
  });

/**
 * Starts `operation` if it is still submitted and its requester still may run it: claims it (`submitted →
 * in-progress` with `started`, which exactly one process wins) and answers true. A requester refused now (grant
 * removed or expired, account deactivated) ends it cancelled with the reason instead, and it answers false.
 */
export const startOperation = async (
  operation: OperationRecord,
  run: RunStore,
  started: string,
): Promise<boolean> => {
  const current = await run(Operations.use((ops) => ops.get(operation.id)));
  if (current.status !== "submitted") return false;
  const refusal = await run(refusalNow(operation));
  if (refusal !== undefined) {
    await moveOperation(
      operation,
      {
        from: ["submitted"],
        to: "cancelled",
        actor: null,
        message: "cancelled: the requester no longer has access",
        error: refusal,
      },
      run,
    );
    return false;
  }
  await moveOperation(
    operation,
    { from: ["submitted"], to: "in-progress", actor: null, message: started },
    run,
  );
  return true;
};
