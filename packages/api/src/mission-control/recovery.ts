// Picking operations up again after a restart: pending operations go (back) to the executor, and in-progress
// ones whose process stopped heartbeating are marked failed, since nobody can know how far they got.
import { Mutations, Operations } from "@gatehouse/store";
import { Effect } from "effect";
import type { OperationExecutor, RunStore } from "./executor.ts";

/** The error written on an operation whose process died while it ran. */
export const interruptedError =
  "interrupted: the process running it stopped before it finished; whether it took effect is unknown";

export interface RecoveryPass {
  /** In-progress operations marked failed by this pass. */
  readonly failed: number;
  /** Pending operations handed to the executor by this pass. */
  readonly handed: number;
}

/**
 * One pass over the open operations, for one process. `handed` remembers what this process already gave the
 * executor, so repeated passes do not arm the same operation twice; other processes may arm it too, and the
 * executor's claim lets exactly one of them run it. `staleAfterMs` must exceed the executor's heartbeat. Only the
 * pending operations of organizations this process `serves` are armed: its engine asks their requesters again
 * when they start, and a node holding a partition decides about its organizations only.
 */
export const recoverOperations = (
  executor: OperationExecutor,
  run: RunStore,
  handed: Set<string>,
  staleAfterMs: number,
  serves: (org: string) => boolean = () => true,
) =>
  Effect.gen(function* () {
    const operations = yield* Operations;
    const mutations = yield* Mutations;
    let failed = 0;
    for (const op of yield* operations.abandoned(staleAfterMs)) {
      const marked = yield* Effect.exit(
        mutations.mutate({
          actor: { kind: "system" },
          org: op.org,
          action: "operation.failed",
          target: { kind: "operation", id: op.id },
          run: operations.transition(op.id, {
            from: ["in-progress"],
            to: "failed",
            actor: null,
            message: "interrupted (the server stopped)",
            error: interruptedError,
          }),
        }),
      );
      // A failure here means another process marked it first, or it finished meanwhile.
      if (marked._tag === "Success") failed += 1;
    }
    const pending = (yield* operations.pending()).filter((op) => serves(op.org));
    const stillPending = new Set(pending.map((op) => op.id));
    for (const id of handed) if (!stillPending.has(id)) handed.delete(id);
    let given = 0;
    for (const op of pending) {
      if (handed.has(op.id)) continue;
      handed.add(op.id);
      executor.submit(op, run);
      given += 1;
    }
    return { failed, handed: given } satisfies RecoveryPass;
  });
