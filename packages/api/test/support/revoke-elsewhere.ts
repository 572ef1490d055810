// What another API process on the same database does to revoke a key: the audited store write, not this app's
// router, so this process learns of it only through the revocation's notice.
import { ApiKeys, Mutations } from "@gatehouse/store";
import { Effect } from "effect";
import type { demoApi } from "./demo-api.ts";

/** Revokes the API key `id` of acme as its super admin would from another process. */
export const revokeElsewhere = (runtime: ReturnType<typeof demoApi>["runtime"], id: string): Promise<void> =>
  runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* Mutations).mutate({
        actor: { kind: "user", id: "demo-admin" },
        org: "acme",
        action: "api-key.revoke",
        target: { kind: "api-key", id },
        run: (yield* ApiKeys).revoke(id),
      });
    }),
  );
