// Migration 16, an organization's newest audit row: a user's write first checks, under the organization's write
// lock, that this process applied every change of it (docs/decisions.md, "A write holds only while its authority does").
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  "create index audit_log_org_newest_idx on audit_log (org, id)",
];

export default runStatements(statements);
