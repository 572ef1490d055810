// Deactivating and reactivating an account (users.deactivate / users.reactivate): who may and which statuses
// move are the domain's rule (rules/account-status.ts); this module declares it and makes the audited write.

import { Id } from "@gatehouse/contracts";
import { ACCOUNT_STATUS_ACTION, type AccountEvent, nextAccountStatus, selfRefusal } from "@gatehouse/domain";
import { ApiKeys, Users } from "@gatehouse/store";
import { Effect, Result, Schema } from "effect";
import { apiKeyCacheOf } from "../auth/api-key-cache.ts";
import { authorizedMutation } from "../authorize.ts";
import { conflict, forbidden, missing } from "../refusals.ts";

// Rules: docs/decisions.md#users (deactivation).

const AccountInput = Schema.Struct({ userId: Id });

/**
 * The status write of `event`, with the API keys it stops: deactivating stops the ones the account created on
 * every process (by notice once committed); the caller makes this process forget them at once.
 */
const write = (event: AccountEvent, userId: string, version: number, by: string) =>
  Effect.gen(function* () {
    const users = yield* Users;
    if (event === "reactivate") {
      const written = yield* users.reactivate(userId, version);
      return { ...written, value: { user: written.value, keys: [] as ReadonlyArray<string> } };
    }
    const written = yield* users.deactivate(userId, version, by);
    const keys = yield* (yield* ApiKeys).forgetCreatedBy(userId);
    return { ...written, value: { user: written.value, keys: keys.value } };
  });

/** This process's cache forgets `keys` (other processes do when the notice reaches them). */
export const forgetKeysHere = (keys: ReadonlyArray<string>) =>
  ApiKeys.use((apiKeys) =>
    Effect.sync(() => {
      for (const key of keys) apiKeyCacheOf(apiKeys).forget(key);
    }),
  );

/**
 * `event` on the account `userId` of the actor's organization (another organization's is NOT_FOUND as a made-up
 * id): never one's own, and only for whoever the engine allows ACCOUNT_STATUS_ACTION at the organization; an
 * account not in the status the event moves is CONFLICT.
 */
export const accountStatusChange = (event: AccountEvent) =>
  authorizedMutation(AccountInput, async (input, { actor, store }) => {
    const user = await store.run(Users.use((users) => users.get(input.userId)));
    return {
      orgs: [user.org],
      missing: missing("user", input.userId),
      ask: () => {
        const refusal = selfRefusal(actor.id, user.id, event);
        if (refusal !== undefined) throw forbidden(refusal);
        return { check: { action: ACCOUNT_STATUS_ACTION, resource: { org: user.org } } };
      },
    };
  }).mutation(async ({ ctx, input }) => {
    const user = await ctx.store.run(Users.use((users) => users.get(input.userId)));
    const next = nextAccountStatus(user.status, event, user.email);
    if (Result.isFailure(next)) throw conflict(next.failure.message);
    const { value } = await ctx.write({
      org: user.org,
      action: `user.${event}`,
      target: { kind: "user", id: user.id },
      run: write(event, user.id, user.version, ctx.actor.id),
    });
    await ctx.store.run(forgetKeysHere(value.keys));
    return { user: { id: value.user.id, status: value.user.status, version: value.user.version } };
  });
