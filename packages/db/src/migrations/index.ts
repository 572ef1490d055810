// The ordered migrations of Gatehouse's schema and the Effect that applies the pending ones.
// The same statements run on embedded PGlite and on a PostgreSQL 15+ server.
import { Migrator } from "effect/sql";
import tenancy, { statements as tenancyStatements } from "./0001_tenancy.ts";
import identity, { statements as identityStatements } from "./0002_identity.ts";
import access, { statements as accessStatements } from "./0003_access.ts";
import onboarding, { statements as onboardingStatements } from "./0004_onboarding.ts";
import signIn, { statements as signInStatements } from "./0005_sign_in.ts";
import operations, { statements as operationsStatements } from "./0006_operations.ts";
import audit, { statements as auditStatements } from "./0007_audit.ts";
import userSorts, { statements as userSortsStatements } from "./0008_user_sorts.ts";
import groupHomeMembers, { statements as groupHomeMembersStatements } from "./0009_group_home_members.ts";
import attemptsInFlight, { statements as attemptsInFlightStatements } from "./0010_attempts_in_flight.ts";
import productGroupsInForce, {
  statements as productGroupsInForceStatements,
} from "./0011_product_groups_in_force.ts";
import accountStatus, { statements as accountStatusStatements } from "./0012_account_status.ts";
import invitationMail, { statements as invitationMailStatements } from "./0013_invitation_mail.ts";
import flagScope, { statements as flagScopeStatements } from "./0014_flag_scope.ts";
import audiences, { statements as audiencesStatements } from "./0015_audiences.ts";
import auditOrgNewest, { statements as auditOrgNewestStatements } from "./0016_audit_org_newest.ts";
import oneEntityRole, { statements as oneEntityRoleStatements } from "./0017_one_entity_role.ts";
import productGroupWords, { statements as productGroupWordsStatements } from "./0018_product_group_words.ts";

/** Where the Migrator records the applied migration ids. */
export const migrationsTable = "gatehouse_migrations";

/** The migrations, keyed `<id>_<name>` as `Migrator.fromRecord` expects; they run in id order. */
export const migrations: Migrator.Loader = Migrator.fromRecord({
  "0001_tenancy": tenancy,
  "0002_identity": identity,
  "0003_access": access,
  "0004_onboarding": onboarding,
  "0005_sign_in": signIn,
  "0006_operations": operations,
  "0007_audit": audit,
  "0008_user_sorts": userSorts,
  "0009_group_home_members": groupHomeMembers,
  "0010_attempts_in_flight": attemptsInFlight,
  "0011_product_groups_in_force": productGroupsInForce,
  "0012_account_status": accountStatus,
  "0013_invitation_mail": invitationMail,
  "0014_flag_scope": flagScope,
  "0015_audiences": audiences,
  "0016_audit_org_newest": auditOrgNewest,
  "0017_one_entity_role": oneEntityRole,
  "0018_product_group_words": productGroupWords,
});

/** One migration's name and its DDL statements, run in order. */
export type MigrationStatements = readonly [name: string, statements: ReadonlyArray<string>];

/** Every migration's statements in order, for tests and tools that need the raw SQL. */
export const migrationStatements: ReadonlyArray<MigrationStatements> = [
  ["0001_tenancy", tenancyStatements],
  ["0002_identity", identityStatements],
  ["0003_access", accessStatements],
  ["0004_onboarding", onboardingStatements],
  ["0005_sign_in", signInStatements],
  ["0006_operations", operationsStatements],
  ["0007_audit", auditStatements],
  ["0008_user_sorts", userSortsStatements],
  ["0009_group_home_members", groupHomeMembersStatements],
  ["0010_attempts_in_flight", attemptsInFlightStatements],
  ["0011_product_groups_in_force", productGroupsInForceStatements],
  ["0012_account_status", accountStatusStatements],
  ["0013_invitation_mail", invitationMailStatements],
  ["0014_flag_scope", flagScopeStatements],
  ["0015_audiences", audiencesStatements],
  ["0016_audit_org_newest", auditOrgNewestStatements],
  ["0017_one_entity_role", oneEntityRoleStatements],
  ["0018_product_group_words", productGroupWordsStatements],
];

/**
 * Applies every pending migration in one transaction (the Migrator locks its table on PostgreSQL, so
 * concurrent starts wait) and returns the `[id, name]` pairs it ran. Needs a `SqlClient`.
 */
export const runMigrations = Migrator.make({})({ loader: migrations, table: migrationsTable });
