// Migration 10, attempts in flight: a login or accept attempt is written before its check with no outcome
// (`succeeded` null) and settled after, so the limiter counts only finished failures (issue 10, finding 13).
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  "alter table login_attempts alter column succeeded drop not null",
];

export default runStatements(statements);
