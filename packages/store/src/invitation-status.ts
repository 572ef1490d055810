// An invitation's status as it reads now, in SQL: a pending invitation past `expires_at` is expired (time moves it,
// nobody does), and the statuses an event of the domain's machine (rules/invitation.ts) may happen in.
import { type InvitationEvent, invitationSources } from "@gatehouse/domain";
import type { SqlClient } from "effect/sql";

/** The effective status column: what every read shows and every write's guard compares. */
export const effectiveStatus = (sql: SqlClient.SqlClient) =>
  sql.unsafe("(case when status = 'pending' and expires_at <= now() then 'expired' else status end)");

/** The write's guard for `event`: the invitation reads now in a status the machine allows it in. */
export const movable = (sql: SqlClient.SqlClient, event: InvitationEvent) =>
  sql`${effectiveStatus(sql)} in ${sql.in(invitationSources(event))}`;
