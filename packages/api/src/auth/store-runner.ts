// How the API runs store Effects from tRPC handlers: through the server's ManagedRuntime (or any runner
// providing the same services). A failure is rethrown as its squashed cause, so a TRPCError passes through.
import type {
  AccessRequests,
  ApiKeys,
  Audiences,
  AuditLog,
  ChangeFeed,
  Credentials,
  EngineSync,
  Environments,
  Flags,
  Grants,
  GroupEdits,
  Groups,
  Instances,
  InvitationMail,
  Invitations,
  LoginAttempts,
  Mutations,
  Operations,
  Operators,
  Organizations,
  OrgSnapshots,
  Projects,
  Resources,
  Roles,
  Sessions,
  UserDirectory,
  Users,
} from "@gatehouse/store";
import { Cause, type Effect, Exit } from "effect";
import type { Mailer } from "../mail/mailer.ts";

/** The store services the API's procedures use, and the Mailer; the server runtime (server-layer.ts) provides them all. */
export type StoreServices =
  | AccessRequests
  | ApiKeys
  | Audiences
  | AuditLog
  | ChangeFeed
  | Credentials
  | EngineSync
  | Environments
  | Flags
  | Grants
  | GroupEdits
  | Groups
  | Instances
  | InvitationMail
  | Invitations
  | LoginAttempts
  | Mailer
  | Mutations
  | Operations
  | Operators
  | Organizations
  | OrgSnapshots
  | Projects
  | Resources
  | Roles
  | Sessions
  | UserDirectory
  | Users;

/** Runs Effects needing the store services (`ManagedRuntime.make(serverLayer(…))` is one). */
export interface StoreRunner {
  readonly runPromiseExit: <A, E>(
    effect: Effect.Effect<A, E, StoreServices>,
  ) => Promise<Exit.Exit<A, unknown>>;
}

/** The effect's value, or its failure (or defect) thrown. */
export const runWith = async <A, E>(
  runner: StoreRunner,
  effect: Effect.Effect<A, E, StoreServices>,
): Promise<A> => {
  const exit = await runner.runPromiseExit(effect);
  if (Exit.isSuccess(exit)) return exit.value;
  throw Cause.squash(exit.cause);
};
