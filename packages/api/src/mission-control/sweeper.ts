// The server's operations sweeper: once at start (before the server answers) and then every few seconds, it
// hands pending operations to the executor and fails the ones a stopped process left in progress.
import { everyOrganization, holds, type Partition } from "@gatehouse/store";
import { Config, Effect, Layer } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import { operationExecutor, type RunStore } from "./executor.ts";
import { recoverOperations } from "./recovery.ts";

/** GATEHOUSE_OPERATIONS_SWEEP_SECONDS (default 30) and GATEHOUSE_OPERATIONS_STALE_SECONDS (default 120). */
const sweeperConfig = Config.all({
  sweepSeconds: Config.withDefault(Config.Number("GATEHOUSE_OPERATIONS_SWEEP_SECONDS"), 30),
  staleSeconds: Config.withDefault(Config.Number("GATEHOUSE_OPERATIONS_STALE_SECONDS"), 120),
});

/**
 * Runs the first pass while the layer is built, then repeats it in the background until the layer closes; it arms
 * the operations of the organizations in `partition` only (every one by default).
 */
export const operationsSweeper = (partition: Partition = everyOrganization) =>
  Layer.effectDiscard(
    Effect.gen(function* () {
      const { sweepSeconds, staleSeconds } = yield* Effect.orDie(sweeperConfig);
      const context = yield* Effect.context<StoreServices>();
      const run: RunStore = (effect) => Effect.runPromiseWith(context)(effect);
      const handed = new Set<string>();
      const pass = Effect.suspend(() =>
        recoverOperations(operationExecutor(), run, handed, staleSeconds * 1000, (org) =>
          holds(partition, org),
        ),
      ).pipe(
        Effect.tap(({ failed, handed }) =>
          failed + handed > 0
            ? Effect.log(
                `operations: ${handed} pending handed to the executor, ${failed} interrupted marked failed`,
              )
            : Effect.void,
        ),
        Effect.catchCause((cause) => Effect.logWarning("operations sweep failed", cause)),
        Effect.provideContext(context),
      );
      yield* pass;
      const every = `${Math.max(1, sweepSeconds)} seconds` as const;
      yield* Effect.forkScoped(Effect.forever(Effect.andThen(Effect.sleep(every), pass)));
    }),
  );
