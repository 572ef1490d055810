// API keys of the caller's organization, for product backends (`Authorization: Bearer gh_…`): create (the
// key is shown once), list (never a secret, its creator by name) and revoke. Super admins only; every change is audited.
import { Id, Name } from "@gatehouse/contracts";
import { type ApiKeyRecord, ApiKeys, newId } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { apiKeyCacheOf } from "../auth/api-key-cache.ts";
import { hashToken, newApiKey } from "../auth/tokens.ts";
import {
  type AskContext,
  authorizedMutation,
  authorizedRead,
  type Declared,
  type DeclaredChange,
  type QueryContext,
} from "../authorize.ts";
import { peopleNamer } from "../names/people.ts";
import { conflict, forbidden, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";

const CreateInput = Schema.Struct({
  name: Name,
});
const RevokeInput = Schema.Struct({ id: Id });

const iso = (date: Date | null): string | null => (date === null ? null : new Date(date).toISOString());

/** A key as clients see it: no hash, no secret. */
const view = (key: ApiKeyRecord) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdBy: key.createdBy,
  createdAt: iso(key.createdAt),
  lastUsedAt: iso(key.lastUsedAt),
  revokedAt: iso(key.revokedAt),
});

const SUPER_ADMIN = "admin-center:org.manage";
const onlySuperAdmins = "Only a super admin of the organization (a signed-in user) may manage its API keys";

/** The super admin question at the actor's organization (only Super Admin holds it at the organization). */
const superAdmin = (org: string) => ({
  check: { action: SUPER_ADMIN, resource: { org } },
  refusal: onlySuperAdmins,
});

/** Listing is for signed-in users who are super admins of their organization. */
const superAdminReads = ({ actor }: QueryContext): Declared<string> => {
  if (actor.kind !== "user") throw forbidden(onlySuperAdmins);
  return { ask: [superAdmin(actor.org)], value: actor.org };
};

/** Creating a key asks the super admin question at the actor's organization. */
const managing = (_input: unknown, { actor }: AskContext) => superAdmin(actor.org);

/** Revoking the stored key `id`, declared: its organization is the boundary, then the super admin question there. */
const revoking = async (input: { readonly id: string }, { store }: AskContext): Promise<DeclaredChange> => {
  const key = await store.run(ApiKeys.use((keys) => keys.get(input.id)));
  return { orgs: [key.org], missing: missing("API key", input.id), ask: superAdmin(key.org) };
};

export const apiKeysRouter = router({
  /** Creates a key for the caller's organization; the plaintext `key` is in this answer only. */
  create: authorizedMutation(CreateInput, managing).mutation(async ({ ctx, input }) => {
    const { actor } = ctx;
    const { key, prefix } = newApiKey();
    const id = newId("key");
    const { value } = await ctx.write({
      org: actor.org,
      action: "api-key.create",
      target: { kind: "api-key", id },
      run: ApiKeys.use((keys) =>
        keys.create({
          id,
          org: actor.org,
          name: input.name,
          keyHash: hashToken(key),
          prefix,
          createdBy: actor.id,
        }),
      ),
    });
    return { ...view(value), key };
  }),

  /** The organization's keys, newest first (revoked ones too), each with its creator's name (people.ts). */
  list: authorizedRead(superAdminReads).query(async ({ ctx }) => {
    const keys = await ctx.store.run(
      Effect.gen(function* () {
        return yield* (yield* ApiKeys).list(ctx.declared);
      }),
    );
    const person = await peopleNamer(
      ctx.store,
      ctx.engine,
      ctx.actor,
      keys.map((key) => key.createdBy),
    );
    return keys.map((key) => ({
      ...view(key),
      createdByName: key.createdBy === null ? null : person(key.createdBy).name,
    }));
  }),

  /** Revokes a key of the caller's organization; it stops authenticating at once. */
  revoke: authorizedMutation(RevokeInput, revoking).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "api-key.revoke",
      target: { kind: "api-key", id: input.id },
      run: ApiKeys.use((keys) => keys.revoke(input.id)).pipe(
        Effect.catchTag("NotFound", () => Effect.fail(notFound("API key", input.id))),
        Effect.catchTag("VersionConflict", () => Effect.fail(conflict("This API key is already revoked"))),
      ),
    });
    // Other processes forget the key when the revocation's notice reaches them; this one at once.
    await ctx.store.run(ApiKeys.use((keys) => Effect.sync(() => apiKeyCacheOf(keys).forget(input.id))));
    return view(value);
  }),
});
