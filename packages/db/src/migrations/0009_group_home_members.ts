// Migration 9, group home members: group membership never crosses organizations (issue 10, finding 3). Drops
// the stored cross-organization memberships, then lets the schema refuse new ones: a member row carries the org.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `delete from group_members m using groups g, users u
   where g.id = m.group_id and u.id = m.user_id and u.org <> g.org`,
  "alter table group_members add column org text",
  "update group_members m set org = g.org from groups g where g.id = m.group_id",
  "alter table group_members alter column org set not null",
  "alter table groups add constraint groups_id_org_key unique (id, org)",
  "alter table users add constraint users_id_org_key unique (id, org)",
  `alter table group_members add constraint group_members_group_org_fkey
   foreign key (group_id, org) references groups (id, org) on delete cascade`,
  `alter table group_members add constraint group_members_user_org_fkey
   foreign key (user_id, org) references users (id, org) on delete cascade`,
];

export default runStatements(statements);
