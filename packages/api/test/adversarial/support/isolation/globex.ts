// The second customer organization, `globex`, mirroring the demo's acme: the operator provisions it through
// organizations.create; its instances, projects, flags, audiences, users and grants go in through the store's
// repositories in one audited mutation, as seedDemo does for acme (no API gives a new organization its users).
import { products } from "@gatehouse/domain";
import {
  Audiences,
  type Change,
  createDemoAccount,
  demoAudiences,
  demoAudienceUses,
  demoFlagStates,
  demoFlags,
  demoInstances,
  demoProjects,
  demoUsers,
  EngineSync,
  Flags,
  hashPassword,
  Instances,
  Mutations,
  Projects,
} from "@gatehouse/store";
import { Effect } from "effect";
import type { StoreServices } from "../../../../src/auth/store-runner.ts";
import { type App, call, signIn } from "./http.ts";

/** The products globex enables: acme's but ODP, so "not enabled" answers are swept too. */
export const globexProducts = products.map((p) => p.id as string).filter((id) => id !== "odp");

/** acme's ids and names as globex's: `acme-cms` → `globex-cms`, "Acme Site" → "Globex Site". */
const rename = (value: string): string =>
  value
    .replaceAll("acme", "globex")
    .replaceAll("Acme", "Globex")
    .replace(/^demo-/, "globex-");
/** A name of acme's that says nothing of acme ("Checkout") gets globex's mark, so a leak of it is visible. */
const renameName = (name: string): string => (name.includes("Acme") ? rename(name) : `Globex ${name}`);
const renameScope = <S extends object>(scope: S): S =>
  Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, rename(String(v))])) as S;

/** The users of globex: acme's demo users (not the partner's), with globex ids, emails and names. */
export const globexUsers = demoUsers
  .filter((u) => u.org === "acme")
  .map((u) => ({
    id: rename(u.id),
    email: u.email.replace("@acme.example", "@globex.example"),
    name: renameName(u.name),
    grants: u.grants.map((g) => ({ role: g.role, scope: renameScope(g.scope) })),
  }));

type Run = <A, E>(effect: Effect.Effect<A, E, StoreServices>) => Promise<A>;

/** Provisions globex as the operator, then loads its mirror of acme's world through the store. */
export const buildGlobex = async (app: App, run: Run): Promise<void> => {
  const operator = await signIn(app, "operator@gatehouse.example");
  const created = await call(
    app,
    "mutation",
    "organizations.create",
    { id: "globex", name: "Globex", kind: "customer", products: globexProducts },
    operator,
  );
  if (created.status !== 200) throw new Error(`organizations.create globex: ${created.raw}`);
  const hashes = await run(
    Effect.forEach(globexUsers, () => hashPassword("gatehouse-demo"), { concurrency: "unbounded" }),
  );
  const seed = Effect.gen(function* () {
    const [instances, projects, flags, audiences] = yield* Effect.all([
      Instances,
      Projects,
      Flags,
      Audiences,
    ]);
    const changes: Array<Change> = [];
    const add = <A>(written: { readonly value: A; readonly changes: ReadonlyArray<Change> }) => {
      changes.push(...written.changes);
      return written.value;
    };
    for (const i of demoInstances.filter((i) => globexProducts.includes(i.product)))
      add(yield* instances.create({ ...i, id: rename(i.id), name: renameName(i.name), org: "globex" }));
    for (const p of demoProjects)
      add(
        yield* projects.create({
          ...p,
          id: rename(p.id),
          instance: rename(p.instance),
          name: renameName(p.name),
          org: "globex",
        }),
      );
    for (const f of demoFlags)
      add(
        yield* flags.create({ ...f, id: rename(f.id), project: rename(f.project), name: renameName(f.name) }),
      );
    for (const { flag, ...state } of demoFlagStates)
      add(yield* flags.setState(rename(flag), { ...state, environment: rename(state.environment) }));
    for (const a of demoAudiences)
      add(
        yield* audiences.create({
          ...a,
          id: rename(a.id),
          project: rename(a.project),
          name: renameName(a.name),
        }),
      );
    for (const use of demoAudienceUses) {
      const id = rename(use.audience);
      const { version } = yield* audiences.get(id);
      add(
        yield* audiences.setUse(
          id,
          version,
          { flag: rename(use.flag), environment: rename(use.environment) },
          true,
        ),
      );
    }
    for (const [i, u] of globexUsers.entries())
      changes.push(...(yield* createDemoAccount({ ...u, org: "globex" }, hashes[i] ?? "")));
    return { value: globexUsers.length, before: null, after: { users: globexUsers.length }, changes };
  });
  await run(
    Effect.gen(function* () {
      const mutated = yield* (yield* Mutations).mutate({
        actor: { kind: "system" },
        org: "globex",
        action: "test.seed-globex",
        target: { kind: "organization", id: "globex" },
        run: seed,
      });
      yield* (yield* EngineSync).awaitApplied(mutated.auditId);
    }),
  );
};
