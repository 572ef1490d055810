// The product-group rule: a user of an organization granted a system role directly there, with no expiry, is a
// member of that organization's product group for the role (created on first use) until their last such grant goes
// or gets an expiry. A time-limited grant (an unaccepted invitation's) joins nobody, so what the group is given
// never outlives the grant it rests on. Membership never crosses organizations.
import { products } from "@gatehouse/domain";
import { Effect } from "effect";
import type { SqlClient, SqlError } from "effect/sql";
import type { Change } from "./changes.ts";
import { newId } from "./ids.ts";

/** `Mission Control customerUser`: the product's label and the role's label. */
const productGroupName = (role: string): string | undefined => {
  const product = products.find((p) => role.startsWith(`${p.id}:`));
  const def = product?.roles.find((r) => r.id === role);
  return product === undefined || def === undefined ? undefined : `${product.label} ${def.label}`;
};

/** What a product group's description says (migration 18 words existing ones so). */
const productGroupDescription = (name: string): string => `Everyone given ${name} directly, with no end date`;

/** One step of the rule for `user` and system role `role` in `org`, inside the caller's transaction: its changes. */
type MembershipStep = (
  sql: SqlClient.SqlClient,
  org: string,
  role: string,
  user: string,
) => Effect.Effect<ReadonlyArray<Change>, SqlError.SqlError>;

/** Puts `user` in the product group of system role `role` in `org`; no change for custom roles or other orgs' users. */
export const joinProductGroup: MembershipStep = (sql, org, role, user) =>
  Effect.gen(function* () {
    const name = productGroupName(role);
    if (name === undefined) return [];
    const home = yield* sql`select 1 from users where id = ${user} and org = ${org}`;
    if (home.length === 0) return [];
    const changes: Array<Change> = [];
    const existing = yield* sql<{ readonly id: string }>`
      select id from groups where org = ${org} and kind = 'product' and role = ${role}`;
    let group = existing[0]?.id;
    if (group === undefined) {
      group = newId("grp");
      yield* sql`insert into groups (id, org, name, description, kind, role)
                 values (${group}, ${org}, ${name}, ${productGroupDescription(name)}, 'product', ${role})`;
      changes.push({ type: "group.added", group, org });
    }
    const added =
      yield* sql`insert into group_members (group_id, user_id, org) values (${group}, ${user}, ${org})
                             on conflict do nothing returning user_id`;
    if (added.length > 0) changes.push({ type: "member.added", group, user });
    return changes;
  });

/** Takes `user` out of the product group of `role` in `org` when no direct grant of the role without expiry remains. */
export const leaveProductGroup: MembershipStep = (sql, org, role, user) =>
  Effect.gen(function* () {
    const still = yield* sql`select 1 from grants
                             where subject_kind = 'user' and subject_id = ${user} and org = ${org} and role = ${role}
                               and expires_at is null
                             limit 1`;
    if (still.length > 0) return [];
    const removed = yield* sql<{ readonly group_id: string }>`
      delete from group_members m using groups g
      where m.group_id = g.id and g.org = ${org} and g.kind = 'product' and g.role = ${role} and m.user_id = ${user}
      returning m.group_id`;
    return removed.map((r): Change => ({ type: "member.removed", group: r.group_id, user }));
  });
