// The API benchmark's store: the server's real layer over an in-memory PGlite database, with the fixture's
// organizations and one real API key each, created through the store the way `apiKeys.create` does.

import { layerPglite } from "@gatehouse/db";
import { ApiKeys, Mutations, Organizations } from "@gatehouse/store";
// @gatehouse/bench declares no effect, @gatehouse/db or @gatehouse/store: they are reached through the
// workspace's sources and the API package's own effect (its real path, so one module instance with the API's).
import { Effect, ManagedRuntime } from "effect";
import type { StoreRunner } from "../../api/src/auth/store-runner.ts";
import { hashToken, newApiKey } from "../../api/src/auth/tokens.ts";
import { serverLayer } from "../../api/src/server-layer.ts";

/** The running store, the plaintext key (`gh_…`) of every organization by organization id, and the way out. */
export interface BenchStore {
  readonly runner: StoreRunner;
  readonly keys: Readonly<Record<string, string>>;
  readonly close: () => Promise<void>;
}

const system = { kind: "system" } as const;

/**
 * Creates organization `org` (unless `create` is false: it exists) and API key `id` of it, each an audited
 * mutation; the key's plaintext.
 */
export const provision = (org: string, id = `key_bench_${org}`, create = true) =>
  Effect.gen(function* () {
    const mutations = yield* Mutations;
    if (create)
      yield* mutations.mutate({
        actor: system,
        org,
        action: "organization.create",
        target: { kind: "organization", id: org },
        run: (yield* Organizations).create({ id: org, name: org, kind: "customer", products: [] }),
      });
    const { key, prefix } = newApiKey();
    yield* mutations.mutate({
      actor: system,
      org,
      action: "api-key.create",
      target: { kind: "api-key", id },
      run: (yield* ApiKeys).create({
        id,
        org,
        name: "bench",
        keyHash: hashToken(key),
        prefix,
        createdBy: null,
      }),
    });
    return [org, key] as const;
  });

/** Opens the store and provisions `orgs`. */
export const openBenchStore = async (orgs: ReadonlyArray<string>): Promise<BenchStore> => {
  const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
  const provisioned = await runtime.runPromise(Effect.forEach(orgs, (org) => provision(org)));
  return { runner: runtime, keys: Object.fromEntries(provisioned), close: () => runtime.dispose() };
};
