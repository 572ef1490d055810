// The escalation search's world: the demo organization read back from the store (grants, groups, role
// actions), the rights every subject holds (authz.whatCan's engine), a reset to the baseline and the fixture.
import { type Engine, inForce, type Resource, type Scope } from "@gatehouse/domain";
import {
  EngineSync,
  Environments,
  Flags,
  type GrantFilter,
  type GrantRecord,
  Grants,
} from "@gatehouse/store";
import { Effect } from "effect";
import type { Answer, Call, demoApi } from "../../support/demo-api.ts";
import type { Catalog, Target } from "./reference-delegation.ts";
import { withImplied } from "./reference-delegation.ts";

export type Api = ReturnType<typeof demoApi>;

const acme = { org: "acme" };
const exp = { ...acme, product: "experimentation", instance: "acme-exp" };
export const places = {
  acme,
  cmsProduct: { ...acme, product: "cms" },
  cms: { ...acme, product: "cms", instance: "acme-cms" },
  exp,
  checkout: { ...exp, project: "acme-checkout" },
  homepage: { ...exp, project: "acme-homepage" },
  production: { ...exp, project: "acme-checkout", environment: "acme-checkout-production" },
  newCart: {
    ...exp,
    project: "acme-checkout",
    environment: "acme-checkout-production",
    flag: "acme-new-cart",
  },
  /** The flag in every environment: where flag roles are granted. */
  newCartFlag: { ...exp, project: "acme-checkout", flag: "acme-new-cart" },
  mc: { ...acme, product: "mission-control" },
  mcProduction: { ...acme, product: "mission-control", instance: "acme-mc-production" },
  pim: { ...acme, product: "pim", instance: "acme-pim" },
  agency: { org: "agency" },
} as const satisfies Record<string, Scope>;

const feature = { platform: "feature" } as const;
/** Where rights are read: every level of the demo world, with the attributes its conditions need. */
const probes: ReadonlyArray<Resource> = [
  acme,
  ...["cms", "experimentation", "mission-control", "pim", "odp", "cmp", "admin-center"].map((product) => ({
    ...acme,
    product,
  })),
  places.cms,
  places.pim,
  { ...acme, product: "odp", instance: "acme-odp" },
  { ...acme, product: "cmp", instance: "acme-cmp" },
  { ...places.mc, instance: "acme-mc-sandbox", attrs: { production: false } },
  { ...places.mcProduction, attrs: { production: true } },
  exp,
  { ...places.checkout, attrs: feature },
  { ...places.homepage, attrs: { platform: "web" as const, changeKind: "visual-editor" as const } },
  { ...places.production, attrs: { ...feature, production: true, rulesetPublished: false } },
  { ...places.checkout, environment: "acme-checkout-development", attrs: { ...feature, production: false } },
  {
    ...places.newCart,
    attrs: { ...feature, production: true, flagStatus: "running", rulesetPublished: true },
  },
  { ...places.newCartFlag, attrs: { ...feature, flagStatus: "running" } },
  {
    ...places.checkout,
    environment: "acme-checkout-development",
    flag: "acme-dark-mode",
    attrs: { ...feature, production: false, flagStatus: "draft", rulesetPublished: false },
  },
  places.agency,
  { ...places.agency, product: "mission-control" },
];

/** A resource's key in observations and messages. */
export const keyOf = (r: Scope): string =>
  [r.org, r.product, r.instance, r.project, r.environment, r.flag].filter(Boolean).join("/");

/** subject → resource key → allowed actions. */
export type Rights = Map<string, Map<string, ReadonlySet<string>>>;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A grant as the store keeps it. */
export type StoredGrant = GrantRecord;

export const grantKey = (g: StoredGrant): string =>
  `${g.subject.kind}:${g.subject.id}|${g.role ?? ""}|${g.permission ?? ""}|${keyOf(g.scope)}`;

const newestAudit = async (api: Api) =>
  (await api.rows<{ n: string | null }>("select max(id)::text as n from audit_log"))[0]?.n ?? "0";

/** Reads of the store and the engine the search needs; none of them decides anything. */
export const worldReads = (api: Api) => {
  let sync: { readonly engine: Engine } | undefined;
  const engine = async () => {
    sync ??= await api.runtime.runPromise(Effect.service(EngineSync));
    return sync.engine;
  };
  // Reads are kept until the next accepted write (invalidate): refused attempts then cost one request each.
  const memo = new Map<string, Promise<unknown>>();
  const cached = <A>(key: string, read: () => Promise<A>): Promise<A> => {
    const hit = memo.get(key);
    if (hit !== undefined) return hit as Promise<A>;
    const made = read();
    memo.set(key, made);
    return made;
  };
  const store = <A>(effect: Effect.Effect<A, unknown, Grants | Flags | Environments>) =>
    api.runtime.runPromise(effect);
  const grants = (filter: GrantFilter) =>
    cached(`grants ${JSON.stringify(filter)}`, () => store(Grants.use((g) => g.list(filter))));
  const groupsOf = (user: string) =>
    cached(`groups of ${user}`, () =>
      api
        .rows<{ group_id: string }>(`select group_id from group_members where user_id = ${quote(user)}`)
        .then((rows) => rows.map((r) => r.group_id)),
    );
  return {
    invalidate: () => memo.clear(),
    /** The newest audit row's id (kept until the next accepted write): a refusal must leave it there. */
    lastAudit: () => cached("audit", () => newestAudit(api)),
    /** The same, read now. */
    newestAudit: () => newestAudit(api),
    grants,
    groupsOf,
    /** The grants `user` holds, directly or through its groups (unexpired). */
    held: async (user: string): Promise<ReadonlyArray<StoredGrant>> => {
      const subjects = [
        { kind: "user" as const, id: user },
        ...(await groupsOf(user)).map((id) => ({ kind: "group" as const, id })),
      ];
      const now = Date.now();
      return (await Promise.all(subjects.map((subject) => grants({ subject }))))
        .flat()
        .filter((g) => inForce(g.expiresAt?.getTime() ?? 0, now));
    },
    /** The Feature project's environments, and its flags (status and version). */
    environments: () =>
      cached("environments", () => store(Environments.use((e) => e.list(places.checkout.project)))),
    flags: () => cached("flags", () => store(Flags.use((f) => f.list(places.checkout.project)))),
    users: () =>
      cached("users", () =>
        api.rows<{ id: string; org: string; email: string; status: string }>(
          "select id, org, email, status from users order by id",
        ),
      ),
    groups: () =>
      cached("groups", () =>
        api.rows<{ id: string; org: string; kind: string; name: string; version: number }>(
          "select id, org, kind, name, version from groups order by id",
        ),
      ),
    members: (group: string) =>
      cached(`members ${group}`, () =>
        api
          .rows<{ user_id: string }>(`select user_id from group_members where group_id = ${quote(group)}`)
          .then((rows) => rows.map((r) => r.user_id)),
      ),
    customRoles: () =>
      cached("customRoles", () =>
        api.rows<{ id: string; product: string; instance: string; version: number }>(
          "select id, product, instance, version from roles where type = 'custom' order by id",
        ),
      ),
    /** The email an invitation went to and the grants it carries. */
    invitation: (id: string) =>
      api
        .rows<{ email: string; grants: unknown }>(
          `select email, grants from invitations where id = ${quote(id)}`,
        )
        .then((rows) => {
          const raw = rows[0]?.grants;
          const grants = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? [])) as Array<{
            role: string;
            scope: Scope;
          }>;
          return { email: rows[0]?.email ?? "", grants };
        }),
    pendingRequests: () =>
      api
        .rows<{ id: string }>("select id from access_requests where status = 'pending' order by id")
        .then((rows) => rows.map((r) => r.id)),
    /** The catalog data the reference model needs: each role's actions (implied levels included). */
    catalog: async (): Promise<Catalog> => {
      const rows = await api.rows<{ role: string; action: string }>(
        "select r.id as role, p.action from roles r left join role_permissions p on p.role = r.id",
      );
      const byRole = new Map<string, string[]>();
      for (const { role, action } of rows) {
        const list = byRole.get(role) ?? [];
        if (action !== null) list.push(action);
        byRole.set(role, list);
      }
      return { roles: [...byRole.keys()], actionsOf: withImplied((role) => byRole.get(role) ?? []) };
    },
    /** Each subject's allowed actions on every probe, as `authz.whatCan` answers them. */
    rights: async (subjects: ReadonlyArray<string>): Promise<Rights> => {
      const e = await engine();
      const out: Rights = new Map();
      for (const subject of subjects) {
        const bySubject = new Map<string, ReadonlySet<string>>();
        for (const probe of probes) bySubject.set(keyOf(probe), new Set(e.whatCan(subject, probe)));
        out.set(subject, bySubject);
      }
      return out;
    },
    probeOf: (key: string): Scope => probes.find((p) => keyOf(p) === key) ?? acme,
  };
};
export type WorldReads = ReturnType<typeof worldReads>;

/** Whom a grant to `user` reaches (R8): its home organization and whether that is a partner. */
export const targetOf = (user: { readonly org: string }): Target => ({
  org: user.org,
  partner: user.org === "agency",
});

const expectOk = (what: string, answer: Answer): unknown => {
  if (answer.status !== 200)
    throw new Error(`fixture: ${what} answered ${answer.status} ${answer.error?.message}`);
  return answer.data;
};

export const fixtureGroup = "Escalation team";
export const fixtureRole = "cms:escalation-custom";

/**
 * The super admin's part of the world, made once: a custom group with two members and a PIM role, a custom
 * CMS role held by customeruser, and Roles Admin for the CMS instance admin (so its custom-role edits are in reach).
 */
export const makeFixture = async (api: Api, admin: Call) => {
  const group = expectOk(
    "groups.create",
    await api.send("POST", "groups.create", { org: "acme", name: fixtureGroup }, admin),
  ) as { id: string };
  for (const userId of ["demo-customeruser", "demo-exp-viewer"])
    expectOk(
      "groups.addMember",
      await api.send("POST", "groups.addMember", { groupId: group.id, userId }, admin),
    );
  const role = expectOk(
    "roles.createCustom",
    await api.send(
      "POST",
      "roles.createCustom",
      {
        roleName: "escalation-custom",
        product: "cms",
        instance: "acme-cms",
        permissions: ["cms:edit-view.access"],
      },
      admin,
    ),
  ) as { id: string };
  const give = async (subject: { kind: "user" | "group"; id: string }, roleId: string, scope: Scope) =>
    expectOk(
      "grants.create",
      await api.send("POST", "grants.create", { subject, role: roleId, scope }, admin),
    );
  await give({ kind: "user", id: "demo-customeruser" }, role.id, places.cms);
  await give({ kind: "user", id: "demo-instance-admin" }, "admin-center:roles-admin", places.cms);
  // Rights through the group: a removed member must lose them (finding 5).
  await give({ kind: "group", id: group.id }, "pim:PIM_Admin", places.pim);
  return { group: group.id, role: role.id, permissions: ["cms:edit-view.access"] };
};
export type Fixture = Awaited<ReturnType<typeof makeFixture>>;

/** What a reset returns to: acme's grants, group members, account rows and flag statuses after the fixture. */
export const readBaseline = async (api: Api, reads: WorldReads, fixture: Fixture) => ({
  fixture,
  grants: await reads.grants({ org: "acme" }),
  members: await memberRows(api),
  accounts: await accountRows(api),
  flags: (await reads.flags()).map((f) => ({ id: f.id, status: f.status })),
});
export type Baseline = Awaited<ReturnType<typeof readBaseline>>;

const memberRows = (api: Api) =>
  api.rows<{ group_id: string; user_id: string }>(
    "select m.group_id, m.user_id from group_members m join groups g on g.id = m.group_id where g.org = 'acme' order by 1, 2",
  );
const accountRows = (api: Api) =>
  api.rows<{ id: string; status: string; password_hash: string | null }>(
    "select id, status, password_hash from users order by id",
  );
const sqlText = (value: string | null) => (value === null ? "null" : quote(value));

/**
 * What the API cannot undo, put back in the database: accounts a removal disabled, memberships of the groups
 * Gatehouse manages (Everyone, product groups) and flag statuses (a flag's status is the project's to set,
 * not the super admin's); then the engine reloads. Returns the accounts restored,
 * whose sessions must be opened again.
 */
const restoreRows = async (
  api: Api,
  reads: WorldReads,
  baseline: Baseline,
): Promise<ReadonlyArray<string>> => {
  const key = (m: { group_id: string; user_id: string }) => `${m.group_id} ${m.user_id}`;
  const members = await memberRows(api);
  const wanted = new Set(baseline.members.map(key));
  const present = new Set(members.map(key));
  const statements = [
    ...members
      .filter((m) => !wanted.has(key(m)))
      .map(
        (m) =>
          `delete from group_members where group_id = ${quote(m.group_id)} and user_id = ${quote(m.user_id)}`,
      ),
    ...baseline.members
      .filter((m) => !present.has(key(m)))
      .map(
        (m) =>
          `insert into group_members (group_id, user_id, org) select id, ${quote(m.user_id)}, org from groups where id = ${quote(m.group_id)}`,
      ),
  ];
  const accounts = new Map((await accountRows(api)).map((a) => [a.id, a]));
  const restored = baseline.accounts.filter((a) => {
    const now = accounts.get(a.id);
    return now !== undefined && (now.status !== a.status || now.password_hash !== a.password_hash);
  });
  const flags = new Map((await reads.flags()).map((f) => [f.id, f.status]));
  for (const f of baseline.flags)
    if (flags.get(f.id) !== f.status)
      statements.push(
        `update flags set status = ${quote(f.status)}, version = version + 1 where id = ${quote(f.id)}`,
      );
  for (const a of restored)
    statements.push(
      `update users set status = ${quote(a.status)}, password_hash = ${sqlText(a.password_hash)} where id = ${quote(a.id)}`,
    );
  if (statements.length === 0) return [];
  for (const statement of statements) await api.rows(statement);
  await api.runtime.runPromise(EngineSync.use((sync) => sync.reload()));
  return restored.map((a) => a.id);
};

/**
 * Puts acme back to the baseline through the API, as its super admin (custom roles other than the fixture's
 * deleted, grants as recorded: an earlier run's pending invitations then give nothing, and their links are
 * forgotten), and the rest through restoreRows.
 * Returns the accounts whose sessions must be opened again.
 */
export const resetWorld = async (
  api: Api,
  reads: WorldReads,
  admin: Call,
  baseline: Baseline,
): Promise<ReadonlyArray<string>> => {
  const { fixture } = baseline;
  reads.invalidate();
  for (const role of await reads.customRoles()) {
    if (role.id === fixture.role) continue;
    expectOk("deleteCustom", await api.send("POST", "roles.deleteCustom", role, admin));
  }
  reads.invalidate();
  const fixed = (await reads.customRoles()).find((r) => r.id === fixture.role);
  const actions = await api.rows<{ action: string }>(
    `select action from role_permissions where role = ${quote(fixture.role)} order by action`,
  );
  if (fixed !== undefined && actions.map((a) => a.action).join() !== [...fixture.permissions].sort().join())
    expectOk(
      "updateCustom",
      await api.send(
        "POST",
        "roles.updateCustom",
        { id: fixed.id, version: fixed.version, permissions: fixture.permissions },
        admin,
      ),
    );
  reads.invalidate();
  const wanted = new Set(baseline.grants.map(grantKey));
  const now = await reads.grants({ org: "acme" });
  const present = new Set(now.map(grantKey));
  for (const g of now)
    if (!wanted.has(grantKey(g)))
      expectOk(
        "grants.remove",
        await api.send("POST", "grants.remove", { id: g.id, version: g.version }, admin),
      );
  for (const g of baseline.grants)
    if (!present.has(grantKey(g)))
      expectOk(
        "grants.create",
        await api.send(
          "POST",
          "grants.create",
          {
            subject: g.subject,
            scope: g.scope,
            ...(g.role === null ? { permission: g.permission } : { role: g.role }),
          },
          admin,
        ),
      );
  const restored = await restoreRows(api, reads, baseline);
  reads.invalidate();
  return restored;
};
