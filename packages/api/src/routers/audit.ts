// The audit log of one organization: filtered by actor, target, action and time, newest first, keyset-paged.
// Readable by the organization's super admin (the engine's test, as for API keys) and the platform operator.
import { type AuditEntry, AuditLog } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Schema } from "effect";
import { isSuperAdmin } from "../auth/super-admin.ts";
import { storeProcedure } from "../authorize.ts";
import type { Actor, ApiContext } from "../context.ts";
import { router } from "../trpc.ts";

/*
 * Who may read (also in docs/decisions.md, "Audit, groups and live changes"): the super admin of `org`
 * (engine: `admin-center:custom-role.create` at `{ org }`) and the platform operator. Nobody else, for now:
 * product admins would need each row's target mapped to a product, which the log does not record.
 */

const Text = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));
const ListInput = Schema.Struct({
  org: Text,
  actor: Schema.optionalKey(Text),
  targetKind: Schema.optionalKey(Text),
  targetId: Schema.optionalKey(Text),
  action: Schema.optionalKey(Text),
  from: Schema.optionalKey(Schema.DateFromString),
  to: Schema.optionalKey(Schema.DateFromString),
  /** `nextCursor` of the previous page. */
  cursor: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isPattern(/^[0-9]{1,19}$/)))),
  limit: Schema.optionalKey(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 200 }))),
  ),
});

/** An entry as clients see it: the bigint id as a string, the time in ISO form. */
const view = (entry: AuditEntry) => ({
  id: entry.id,
  at: entry.at.toISOString(),
  requestId: entry.requestId,
  actor: { kind: entry.actorKind, id: entry.actorId },
  org: entry.org,
  action: entry.action,
  target: { kind: entry.targetKind, id: entry.targetId },
  before: entry.before,
  after: entry.after,
});

/** May `actor` read the audit log of `org`? */
const authorize = (engine: ApiContext["engine"], actor: Actor, org: string): void => {
  if (actor.kind === "operator") return;
  if (actor.kind === "user" && actor.org === org && isSuperAdmin(engine, actor.id, org)) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: `${actor.id} may not read the audit log of ${org}: only its super admin and the platform operator may`,
  });
};

export const auditRouter = router({
  /** One page of `org`'s audit log, newest first; `nextCursor` is null on the last page. */
  list: storeProcedure.input(Schema.toStandardSchemaV1(ListInput)).query(async ({ ctx, input }) => {
    authorize(ctx.engine, ctx.actor, input.org);
    const limit = input.limit ?? 50;
    // One row more than asked tells whether another page follows.
    const entries = await ctx.store.run(
      Effect.flatMap(Effect.service(AuditLog), (log) =>
        log.list({
          org: input.org,
          actor: input.actor,
          targetKind: input.targetKind,
          targetId: input.targetId,
          action: input.action,
          from: input.from,
          to: input.to,
          after: input.cursor,
          limit: limit + 1,
        }),
      ),
    );
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(view),
      nextCursor: entries.length > limit && last !== undefined ? last.id : null,
    };
  }),
});
