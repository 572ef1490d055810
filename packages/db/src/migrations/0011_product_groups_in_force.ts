// Migration 11, product groups in force: a product group holds only users whose own direct grant of its role does
// not expire (issue 10). Drops the stored memberships that rested on time-limited grants (unaccepted invitations).
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `delete from group_members m using groups g
   where g.id = m.group_id and g.kind = 'product'
     and not exists (select 1 from grants t
                     where t.subject_user = m.user_id and t.org = g.org and t.role = g.role
                       and t.expires_at is null)`,
];

export default runStatements(statements);
