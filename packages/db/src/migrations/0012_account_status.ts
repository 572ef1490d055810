// Migration 12, account status: an active account can be deactivated (it signs nobody in; its grants stay but count
// for nothing) and reactivated; who did it and when are kept on the row while it is deactivated.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  "alter table users drop constraint users_status_check",
  `alter table users add constraint users_status_check
     check (status in ('invited', 'active', 'deactivated', 'disabled'))`,
  "alter table users add column deactivated_at timestamptz",
  "alter table users add column deactivated_by text",
  `alter table users add constraint users_deactivated_when
     check ((status = 'deactivated') = (deactivated_at is not null))`,
];

export default runStatements(statements);
