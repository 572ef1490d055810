// Migration 8, user sorts: the User Manager sorts users by name or status (ties by email) in keyset pages;
// these indexes hold those orders, as users_email_key holds the email order, so a page reads ~limit rows.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  "create index users_name_sort_idx on users (lower(name), lower(email))",
  "create index users_status_sort_idx on users (status, lower(email))",
];

export default runStatements(statements);
