// How the API runs store Effects from tRPC handlers: through the server's ManagedRuntime (or any runner
// providing the same services). A failure is rethrown as its squashed cause, so a TRPCError passes through.
import type {
  ApiKeys,
  Credentials,
  LoginAttempts,
  Mutations,
  Operators,
  Sessions,
  Users,
} from "@gatehouse/store";
import { Cause, type Effect, Exit } from "effect";

/** The store services sign-in and API keys use. */
export type AuthServices = ApiKeys | Credentials | LoginAttempts | Mutations | Operators | Sessions | Users;

/** Runs Effects needing the auth services (`ManagedRuntime.make(serverLayer(…))` is one). */
export interface StoreRunner {
  readonly runPromiseExit: <A, E>(
    effect: Effect.Effect<A, E, AuthServices>,
  ) => Promise<Exit.Exit<A, unknown>>;
}

/** The effect's value, or its failure (or defect) thrown. */
export const runWith = async <A, E>(
  runner: StoreRunner,
  effect: Effect.Effect<A, E, AuthServices>,
): Promise<A> => {
  const exit = await runner.runPromiseExit(effect);
  if (Exit.isSuccess(exit)) return exit.value;
  throw Cause.squash(exit.cause);
};
