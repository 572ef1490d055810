// Test support: a second customer organization, globex, next to the demo's acme: provisioned by the operator
// through organizations.create, its first rows written through the store (audited, applied by the engine).
import {
  EngineSync,
  Grants,
  hashPassword,
  Instances,
  Mutations,
  Operations,
  Users,
  type Written,
} from "@gatehouse/store";
import { Effect } from "effect";
import { expect } from "vitest";
import type { StoreServices } from "../../src/auth/store-runner.ts";
import type { demoApi } from "./demo-api.ts";

type Api = ReturnType<typeof demoApi>;

/** What globex holds: its super admin, a Mission Control instance and an operation not yet started on it. */
export interface Globex {
  readonly admin: string;
  readonly adminEmail: string;
  readonly instance: string;
  readonly operation: string;
  /** A grant of globex's (its super admin's). */
  readonly grant: string;
}

/** One audited write as the operator, applied by the engine before it returns. */
const asOperator = <A, E>(api: Api, action: string, run: Effect.Effect<Written<A>, E, StoreServices>) =>
  api.runtime.runPromise(
    Effect.gen(function* () {
      const mutated = yield* (yield* Mutations).mutate({
        actor: { kind: "operator", id: "test-operator" },
        org: "globex",
        action,
        target: { kind: "organization", id: "globex" },
        run,
      });
      yield* (yield* EngineSync).awaitApplied(mutated.auditId);
      return mutated.value;
    }),
  );

/**
 * Provisions globex (Admin Center and Mission Control only), its super admin (password "gatehouse-demo"), an
 * instance, a scheduled operation, and a Mission Control grant there for acme's partner `partner` (a partner
 * user of agency holding grants in two customers).
 */
export const provisionGlobex = async (api: Api, partner: string): Promise<Globex> => {
  const operator = await api.signIn("operator@gatehouse.example");
  const created = await api.send(
    "POST",
    "organizations.create",
    { id: "globex", name: "Globex", kind: "customer", products: ["admin-center", "mission-control"] },
    operator,
  );
  expect(created.status).toBe(200);
  const passwordHash = await api.runtime.runPromise(hashPassword("gatehouse-demo"));
  const admin = await asOperator(
    api,
    "test.user",
    Users.use((users) =>
      users.create({
        id: "globex-admin",
        org: "globex",
        email: "admin@globex.example",
        name: "Globex Admin",
        status: "active",
        passwordHash,
      }),
    ),
  );
  const grantTo = (user: string, role: string, scope: { readonly org: string; readonly product?: string }) =>
    asOperator(
      api,
      "test.grant",
      Grants.use((grants) => grants.create({ subject: { kind: "user", id: user }, role, scope })),
    );
  const grant = await grantTo(admin.id, "admin-center:super-admin", { org: "globex" });
  await grantTo(partner, "mission-control:partnerUser", { org: "globex", product: "mission-control" });
  const instance = await asOperator(
    api,
    "test.instance",
    Instances.use((instances) =>
      instances.create({
        id: "globex-mc",
        org: "globex",
        product: "mission-control",
        name: "Globex production",
        production: true,
      }),
    ),
  );
  // Scheduled a year ahead: it stays submitted (cancellable) for the whole run.
  const operation = await asOperator(
    api,
    "test.operation",
    Operations.use((operations) =>
      operations.create({
        org: "globex",
        instance: instance.id,
        action: "mission-control:site.restart",
        requestedBy: admin.id,
        scheduledFor: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000),
        simulated: true,
      }),
    ),
  );
  return {
    admin: admin.id,
    adminEmail: admin.email,
    instance: instance.id,
    operation: operation.id,
    grant: grant.id,
  };
};
