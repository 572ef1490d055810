// The audit log of one organization, filtered, ordered and keyset-paged, and its actors found by name or email: the
// super admin and the operator read all of it; other admin levels the entries about the places they administer.
import { AuditActorsInput, AuditListInput } from "@gatehouse/contracts";
import { type AuditEntry, AuditLog, type AuditReach } from "@gatehouse/store";
import { isSuperAdmin } from "../auth/super-admin.ts";
import { authorizedQuery, type Declared, type QueryContext } from "../authorize.ts";
import { keysetPage } from "../list-page.ts";
import { auditActionName } from "../names/audit-action-name.ts";
import { auditNamer } from "../names/audit-names.ts";
import { peopleNamer } from "../names/people.ts";
import { forbidden } from "../refusals.ts";
import { router } from "../trpc.ts";
import { auditReach } from "./audit-reach.ts";

// Rules: docs/decisions.md#admin-center (audit log: who reads which entries; audit-reach.ts).

/**
 * An entry as clients see it: the bigint id as a string, the time in ISO form, the actor and the target with
 * their names where the reader may see them (`names`, audit-names.ts; null otherwise), the action by its label.
 */
const view = (entry: AuditEntry, names: { actorName: string | null; targetName: string | null }) => ({
  id: entry.id,
  at: entry.at.toISOString(),
  requestId: entry.requestId,
  actor: { kind: entry.actorKind, id: entry.actorId, name: names.actorName },
  org: entry.org,
  action: entry.action,
  actionName: auditActionName(entry.action),
  target: { kind: entry.targetKind, id: entry.targetId, name: names.targetName },
  before: entry.before,
  after: entry.after,
});

/**
 * What the actor may read of `org`'s log: everything (value undefined) or the reach of its admin levels, inside
 * `org` (the boundary, the builder's); the reach is the engine's `user.view` answers (audit-reach.ts). Whoever
 * reaches none of it is refused once the boundary passed.
 */
export const reading = async (
  { org }: { readonly org: string },
  { actor, engine, store }: QueryContext,
): Promise<Declared<AuditReach | undefined>> => {
  const refused =
    "You may not read this organization's audit log: only its administrators and the platform operator may";
  if (actor.kind === "operator") return {};
  if (actor.kind === "api-key") throw forbidden(refused);
  const within = { orgs: [org] };
  if (isSuperAdmin(engine, actor.id, org)) return within;
  const places = await store.run(AuditLog.use((log) => log.places(org)));
  const reach = auditReach(engine, actor.id, org, places);
  return reach === undefined ? { ...within, refuse: refused } : { ...within, value: reach };
};

/** The entries of `input`'s organization through its filters and order, within the reader's reach, after `after`. */
export const auditPage = (
  input: Omit<typeof AuditListInput.Type, "cursor" | "limit">,
  within: AuditReach | undefined,
  after: string | undefined,
  limit: number,
) =>
  AuditLog.use((log) =>
    log.list({
      org: input.org,
      actor: input.actor,
      targetKind: input.targetKind,
      targetId: input.targetId,
      action: input.action,
      from: input.from,
      to: input.to,
      order: input.order,
      after,
      within,
      limit,
    }),
  );

export const auditRouter = router({
  /** One page of `org`'s audit log, newest first unless `order` is "oldest"; `nextCursor` is null on the last page. */
  list: authorizedQuery(AuditListInput, reading).query(async ({ ctx, input }) => {
    const within = ctx.declared;
    const limit = input.limit ?? 50;
    // One row more than asked tells whether another page follows.
    const entries = await ctx.store.run(auditPage(input, within, input.cursor, limit + 1));
    const { page, nextCursor } = keysetPage(entries, limit, (last) => last.id);
    const names = await auditNamer(ctx.store, ctx.engine, ctx.actor, page);
    return { items: page.map((entry) => view(entry, names(entry))), nextCursor };
  }),

  /**
   * The people whose name or email is `text` among those who acted in the entries the reader may read (its own
   * organization's and partner users alike), each as the log names them: what the Actor filter looks up.
   */
  actors: authorizedQuery(AuditActorsInput, reading).query(async ({ ctx, input }) => {
    const ids = await ctx.store.run(
      AuditLog.use((log) => log.actors({ org: input.org, text: input.text, within: ctx.declared })),
    );
    const person = await peopleNamer(ctx.store, ctx.engine, ctx.actor, ids);
    return ids.map(person).filter((found) => found.name !== null);
  }),
});
