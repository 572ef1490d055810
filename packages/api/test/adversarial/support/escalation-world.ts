// The escalation search's world: the demo organization read back from the store (grants, groups, role
// actions), the rights every subject holds (authz.whatCan's engine), a reset to the baseline and the fixture.
import type { Engine, Resource } from "@gatehouse/domain";
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import type { Answer, Call, demoApi } from "../../support/demo-api.ts";
import type { Catalog, HeldGrant, Place, Target } from "./reference-delegation.ts";
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
  mc: { ...acme, product: "mission-control" },
  mcProduction: { ...acme, product: "mission-control", instance: "acme-mc-production" },
  pim: { ...acme, product: "pim", instance: "acme-pim" },
  agency: { org: "agency" },
} as const satisfies Record<string, Place>;

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
export const keyOf = (r: Place): string =>
  [r.org, r.product, r.instance, r.project, r.environment, r.flag].filter(Boolean).join("/");

/** subject → resource key → allowed actions. */
export type Rights = Map<string, Map<string, ReadonlySet<string>>>;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

interface GrantRow {
  readonly id: string;
  readonly subject_kind: "user" | "group";
  readonly subject_id: string;
  readonly role: string | null;
  readonly permission: string | null;
  readonly org: string;
  readonly product: string | null;
  readonly instance: string | null;
  readonly project: string | null;
  readonly environment: string | null;
  readonly flag: string | null;
  readonly version: number;
}

const placeOf = (g: GrantRow): Place => ({
  org: g.org,
  ...(g.product === null ? {} : { product: g.product }),
  ...(g.instance === null ? {} : { instance: g.instance }),
  ...(g.project === null ? {} : { project: g.project }),
  ...(g.environment === null ? {} : { environment: g.environment }),
  ...(g.flag === null ? {} : { flag: g.flag }),
});

export interface StoredGrant extends HeldGrant {
  readonly id: string;
  readonly version: number;
  readonly subject: { readonly kind: "user" | "group"; readonly id: string };
}

export const grantKey = (g: StoredGrant): string =>
  `${g.subject.kind}:${g.subject.id}|${g.role ?? ""}|${g.permission ?? ""}|${keyOf(g.scope)}`;

const toStored = (g: GrantRow): StoredGrant => ({
  id: g.id,
  version: g.version,
  subject: { kind: g.subject_kind, id: g.subject_id },
  role: g.role,
  permission: g.permission,
  scope: placeOf(g),
});

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
  const grants = (where = "true") =>
    cached(`grants ${where}`, async () =>
      (await api.rows<GrantRow>(`select * from grants where ${where} order by id`)).map(toStored),
    );
  return {
    invalidate: () => memo.clear(),
    /** The newest audit row's id: a refused mutation must leave it where it was. */
    lastAudit: async () =>
      (await api.rows<{ n: string | null }>("select max(id)::text as n from audit_log"))[0]?.n ?? "0",
    grants,
    /** The grants `user` holds, directly or through its groups (unexpired). */
    held: (user: string) =>
      grants(
        `(expires_at is null or expires_at > now()) and ((subject_kind = 'user' and subject_id = ${quote(user)})
         or (subject_kind = 'group' and subject_id in (select group_id from group_members where user_id = ${quote(user)})))`,
      ),
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
    invitationGrants: (id: string) =>
      api.rows<{ grants: unknown }>(`select grants from invitations where id = ${quote(id)}`).then((rows) => {
        const raw = rows[0]?.grants;
        return (typeof raw === "string" ? JSON.parse(raw) : (raw ?? [])) as Array<{
          role: string;
          scope: Place;
        }>;
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
    probeOf: (key: string): Place => probes.find((p) => keyOf(p) === key) ?? acme,
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
 * The super admin's part of the world, made once: a custom group with two members, a custom CMS role held by
 * customeruser, and Roles Admin for the CMS instance admin (so its custom-role edits are in reach).
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
  const give = async (subject: string, roleId: string, scope: Place) =>
    expectOk(
      "grants.create",
      await api.send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: subject }, role: roleId, scope },
        admin,
      ),
    );
  await give("demo-customeruser", role.id, places.cms);
  await give("demo-instance-admin", "admin-center:roles-admin", places.cms);
  return { group: group.id, role: role.id, permissions: ["cms:edit-view.access"] };
};
export type Fixture = Awaited<ReturnType<typeof makeFixture>>;

/**
 * Puts acme back to the baseline through the API, as its super admin: pending invitations revoked, grants
 * and the fixture group's members as recorded, custom roles other than the fixture's deleted.
 */
export const resetWorld = async (
  api: Api,
  reads: WorldReads,
  admin: Call,
  baseline: ReadonlyArray<StoredGrant>,
  fixture: Fixture,
  fixtureMembers: ReadonlyArray<string>,
) => {
  reads.invalidate();
  const pending = expectOk(
    "invitations.list",
    await api.send("GET", "invitations.list", { org: "acme", status: "pending" }, admin),
  ) as Array<{ id: string }>;
  for (const { id } of pending)
    expectOk("revoke", await api.send("POST", "invitations.revoke", { id }, admin));
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
  const wanted = new Set(baseline.map(grantKey));
  const now = await reads.grants("org = 'acme'");
  const present = new Set(now.map(grantKey));
  for (const g of now)
    if (!wanted.has(grantKey(g)))
      expectOk(
        "grants.remove",
        await api.send("POST", "grants.remove", { id: g.id, version: g.version }, admin),
      );
  for (const g of baseline)
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
  reads.invalidate();
  const members = await reads.members(fixture.group);
  for (const userId of members)
    if (!fixtureMembers.includes(userId))
      expectOk(
        "removeMember",
        await api.send("POST", "groups.removeMember", { groupId: fixture.group, userId }, admin),
      );
  for (const userId of fixtureMembers)
    if (!members.includes(userId))
      expectOk(
        "addMember",
        await api.send("POST", "groups.addMember", { groupId: fixture.group, userId }, admin),
      );
  reads.invalidate();
};
