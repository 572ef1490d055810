// @gatehouse/store: Gatehouse's stored model over @gatehouse/db — repositories, one audited mutation
// primitive, the engine snapshot kept current by change notifications, demo data and password hashing.
export * from "./access-requests.ts";
export { type ApiKeyRecord, ApiKeys, type ApiKeysShape, type NewApiKey } from "./api-keys.ts";
export * from "./audiences.ts";
export * from "./audit-log.ts";
export * from "./change-feed.ts";
export { type Change, type ChangeNotice, changesChannel, type Written } from "./changes.ts";
export { Credentials, type CredentialsShape, type SignedInAccount } from "./credentials.ts";
export * from "./demo-data.ts";
export { EngineSync, type EngineSyncShape } from "./engine-sync.ts";
export * from "./environments.ts";
export * from "./errors.ts";
export * from "./flags.ts";
export {
  type GrantFilter,
  type GrantPatch,
  type GrantRecord,
  type GrantSubjectRef,
  Grants,
  type GrantsShape,
  type NewGrant,
} from "./grants.ts";
export * from "./group-edits.ts";
export * from "./groups.ts";
export { newId } from "./ids.ts";
export * from "./instances.ts";
export * from "./invitation-mail.ts";
export * from "./invitations.ts";
export { StoreLive } from "./layer.ts";
export { loadEngine } from "./load-engine.ts";
export { type FailureWindow, LoginAttempts, type LoginAttemptsShape, type Tally } from "./login-attempts.ts";
export * from "./mutations.ts";
export * from "./operations.ts";
export { type OperatorRecord, Operators, type OperatorsShape } from "./operators.ts";
export * from "./org-snapshot.ts";
export * from "./organizations.ts";
export {
  describePartition,
  everyOrganization,
  holds,
  NodePartition,
  type Partition,
  partitionFromEnv,
  partitionOf,
} from "./partition.ts";
export { hashPassword, verifyPassword } from "./password.ts";
export * from "./projects.ts";
export * from "./resources.ts";
export * from "./roles.ts";
export { createDemoAccount, type DemoSeedResult, seedDemo } from "./seed-demo.ts";
export {
  type NewSession,
  type ResolvedSession,
  type SessionRecord,
  Sessions,
  type SessionsShape,
} from "./sessions.ts";
export * from "./user-directory.ts";
export type { ListedPlace } from "./user-reach.ts";
export * from "./users.ts";
