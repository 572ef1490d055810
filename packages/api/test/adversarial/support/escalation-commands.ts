// The escalation search's commands: one attempt of a mutation by a non-super-admin actor through the API,
// judged by the reference model (reference-delegation.ts), by the rights every subject holds afterwards, and by
// what `may` said of the same call just before it.
import type { Scope } from "@gatehouse/domain";
import { Credentials } from "@gatehouse/store";
import type { AsyncCommand } from "fast-check";
import type { MayAnswer } from "../../../src/routers/may.ts";
import type { Answer, Call } from "../../support/demo-api.ts";
import { type Api, keyOf, places, type Rights, targetOf, type WorldReads } from "./escalation-world.ts";
import {
  type Catalog,
  delegable,
  type HeldGrant,
  mayChangeAccountStatus,
  mayGivePermission,
  mayGiveRole,
  mayManageCustomRole,
  mayManageGroups,
  type Target,
} from "./reference-delegation.ts";
import { mayMoveFlag } from "./reference-flags.ts";

/** The non-super-admin demo accounts that act (README's demo table). */
export const demoActors = [
  "product-admin@acme.example",
  "instance-admin@acme.example",
  "project-owner@acme.example",
  "exp-administrator@acme.example",
  "exp-project-owner@acme.example",
  "exp-publisher@acme.example",
  "exp-editor@acme.example",
  "exp-env-admin@acme.example",
  "exp-flag-admin@acme.example",
  "customeradmin@acme.example",
  "customeruser@acme.example",
  "partneradmin@agency.example",
  "partneruser@agency.example",
];

const roles = [
  "cms:content-editors",
  "cms:commerce-admins",
  "experimentation:viewer",
  "experimentation:editor",
  "experimentation:publisher",
  "experimentation:project-owner",
  "experimentation:administrator",
  "experimentation:env-admin",
  "experimentation:env-viewer",
  "experimentation:flag-admin",
  "experimentation:flag-none",
  "mission-control:customerUser",
  "mission-control:customerAdmin",
  "mission-control:partnerAdmin",
  "admin-center:project-owner",
  "admin-center:instance-admin",
  "admin-center:product-admin",
  "admin-center:roles-admin",
  "admin-center:super-admin",
  "pim:PIM_Admin",
];
const permissions = [
  "experimentation:billing.pay",
  "experimentation:collaborator.invite",
  "experimentation:flag.toggle",
  "cms:content.publish",
  "mission-control:code.deploy",
  "admin-center:user.invite",
  "pim:hangfire.view",
];
const scopes: ReadonlyArray<Scope> = Object.values(places);
const cmsActions = ["cms:edit-view.access", "cms:content.edit", "cms:content.publish", "cms:settings.manage"];

/** Attempt kinds, repeated by weight. */
const kinds = [
  ...Array<"grant">(6).fill("grant"),
  "update",
  "remove",
  "invite",
  "invite",
  "reinvite",
  "reinvite",
  "resend",
  "resend",
  "revoke",
  "accept",
  "accept",
  "member",
  "customRole",
  "request",
  "decide",
  "removeFromAccount",
  "removeFromAccount",
  "removeAccess",
  "removeFromProjects",
  "deleteUser",
  "deactivate",
  "setStatus",
  "setStatus",
] as const;
export type Kind = (typeof kinds)[number];
export const attemptKinds: ReadonlyArray<Kind> = kinds;

export interface Picks {
  readonly kind: Kind;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
}

export interface Acting {
  readonly id: string;
  readonly email: string;
  readonly call: Call;
}

/** Per-run state of the search (fast-check's model). */
export interface Run {
  readonly number: number;
  readonly api: Api;
  readonly reads: WorldReads;
  readonly catalog: Catalog;
  readonly actors: Acting[];
  /** Accept tokens the search holds: invitation → token and the account that received it. */
  readonly tokens: Map<string, { readonly token: string; readonly holder: string }>;
  readonly invitations: string[];
  readonly emails: ReadonlyArray<string>;
  /** Subjects whose rights are watched, and each one's rights that some accepted step explained. */
  readonly subjects: Set<string>;
  readonly legit: Map<string, Map<string, Set<string>>>;
  rights: Rights;
  /** Counts over the whole search; a run reuses the world only while `accepted` and `failures` stand still. */
  readonly totals: {
    attempts: number;
    accepted: number;
    refused: number;
    stricter: number;
    /** Attempts `may` was asked about first (those of a signed-in actor). */
    asked: number;
    failures: number;
  };
}

/** One mutation call: its path, its input, and who sends it. */
interface Request {
  readonly path: string;
  readonly input: unknown;
  readonly as: Call;
}

/** What one resolved attempt sends, and what the reference model says of it. */
interface Plan {
  readonly text: string;
  readonly request: Request;
  /** The reference model's verdict (true: the actor may do it), or undefined when it has none. */
  readonly allowed: boolean | undefined;
  readonly onAccept?: (answer: Answer) => Promise<void>;
}

const pick = <A>(list: ReadonlyArray<A>, n: number): A | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

const tokenOf = (url: string) => new URL(url, "http://localhost").searchParams.get("token") ?? "";

/** The users and groups a grant may name, with whom each reaches (R8: a group reaches its members). */
const subjectsOf = async (run: Run) => {
  const users = (await run.reads.users()).filter((u) => run.subjects.has(u.id));
  const groups = (await run.reads.groups()).filter((g) => g.org === "acme");
  return { users, groups };
};

const reachedBy = async (run: Run, subject: { kind: "user" | "group"; id: string }): Promise<Target[]> => {
  const users = await run.reads.users();
  const orgOf = (id: string) => users.find((u) => u.id === id) ?? { org: "unknown" };
  if (subject.kind === "user") return [targetOf(orgOf(subject.id))];
  const group = (await run.reads.groups()).find((g) => g.id === subject.id);
  const members = await run.reads.members(subject.id);
  return [targetOf({ org: group?.org ?? "unknown" }), ...members.map((m) => targetOf(orgOf(m)))];
};

const mayGive = (
  run: Run,
  held: ReadonlyArray<HeldGrant>,
  what: { readonly role: string | null; readonly permission: string | null },
  scope: Scope,
  targets: ReadonlyArray<Target>,
) =>
  targets.every((t) =>
    what.role !== null
      ? mayGiveRole(held, what.role, scope, t)
      : mayGivePermission(held, what.permission ?? "", scope, t, run.catalog),
  );

/** Resolves the picks against the current world into one API call and the model's verdict on it. */
const plan = async (
  run: Run,
  actor: Acting,
  held: ReadonlyArray<HeldGrant>,
  p: Picks,
): Promise<Plan | undefined> => {
  const post = (path: string, input: unknown): Request => ({ path, input, as: actor.call });
  const by = `${actor.email}:`;
  switch (p.kind) {
    case "grant": {
      const { users, groups } = await subjectsOf(run);
      const options = [
        ...users.map((u) => ({ kind: "user" as const, id: u.id })),
        ...groups.map((g) => ({ kind: "group" as const, id: g.id })),
      ];
      // Half the picks stay near the actor: its own places, a group, a role or permission of that product.
      const subject = pick(p.b % 2 === 0 ? options.filter((o) => o.kind === "group") : options, p.a);
      const own = held.map((g) => g.scope);
      const scope: Scope = pick(p.c % 2 === 0 && own.length > 0 ? own : scopes, p.c >> 1) ?? places.acme;
      if (subject === undefined) return undefined;
      const custom = (await run.reads.customRoles()).map((r) => r.id);
      const near = (ids: ReadonlyArray<string>) => {
        const same = ids.filter((id) => id.startsWith(`${scope.product ?? "admin-center"}:`));
        return p.d % 2 === 0 && same.length > 0 ? same : ids;
      };
      const asRole = p.e % 3 !== 0;
      const what = asRole
        ? { role: pick(near([...roles, ...custom]), p.d >> 1) ?? "", permission: null }
        : { role: null, permission: pick(near(permissions), p.d >> 1) ?? "" };
      const targets = await reachedBy(run, subject);
      return {
        text: `${by} grants.create ${subject.kind} ${subject.id} ${what.role ?? what.permission} @ ${keyOf(scope)}`,
        request: post("grants.create", {
          subject,
          scope,
          ...(what.role === null ? { permission: what.permission } : { role: what.role }),
        }),
        allowed: mayGive(run, held, what, scope, targets),
      };
    }
    case "update":
    case "remove": {
      const grant = pick(await run.reads.grants({ org: "acme" }), p.a);
      if (grant === undefined) return undefined;
      const targets = await reachedBy(run, grant.subject);
      const old = mayGive(run, held, grant, grant.scope, targets);
      const base = `${by} grants.${p.kind} ${grant.id} (${grant.role ?? grant.permission} @ ${keyOf(grant.scope)} for ${grant.subject.id})`;
      if (p.kind === "remove")
        return {
          text: base,
          request: post("grants.remove", { id: grant.id, version: grant.version }),
          allowed: old,
        };
      const role = pick(roles, p.b) ?? "";
      return {
        text: `${base} → ${role}`,
        request: post("grants.update", { id: grant.id, version: grant.version, role }),
        allowed: old && mayGive(run, held, { role, permission: null }, grant.scope, targets),
      };
    }
    case "invite": {
      const email = pick(run.emails, p.a) ?? "";
      const grants = [
        { role: pick(roles, p.b) ?? "", scope: pick(scopes, p.c) ?? places.acme },
        ...(p.e % 2 === 0 ? [{ role: pick(roles, p.d) ?? "", scope: pick(scopes, p.e) ?? places.acme }] : []),
      ];
      return invitePlan(run, actor, held, email, grants);
    }
    case "reinvite":
      return undefined; // a chain of steps, see reinviteSteps
    case "resend":
    case "revoke": {
      const id = pick(run.invitations, p.a);
      if (id === undefined) return undefined;
      const { grants } = await run.reads.invitation(id);
      return {
        text: `${by} invitations.${p.kind} ${id} [${grants.map((g) => `${g.role} @ ${keyOf(g.scope)}`).join(", ")}]`,
        request: post(`invitations.${p.kind}`, { id }),
        allowed: grants.every((g) => mayGiveRole(held, g.role, g.scope, targetOf({ org: "acme" }))),
        onAccept: async (answer) => {
          if (p.kind === "resend")
            run.tokens.set(id, {
              token: tokenOf((answer.data as { acceptUrl: string }).acceptUrl),
              holder: actor.id,
            });
        },
      };
    }
    case "accept":
      return undefined; // accepted by the token's holder, see acceptPlan
    case "member": {
      const group = pick(
        (await run.reads.groups()).filter((g) => g.org === "acme"),
        p.a,
      );
      const user = pick([...run.subjects], p.b);
      if (group === undefined || user === undefined) return undefined;
      const verb = p.c % 2 === 0 ? "addMember" : "removeMember";
      return {
        text: `${by} groups.${verb} ${group.name} ${user}`,
        request: post(`groups.${verb}`, { groupId: group.id, userId: user }),
        allowed: mayManageGroups(held, "acme"),
      };
    }
    case "customRole": {
      const chosen = cmsActions.filter((_, i) => (p.b >> i) & 1);
      const existing = pick(await run.reads.customRoles(), p.a);
      const product = p.c % 3 === 0 ? "pim" : "cms";
      const instance = product === "pim" ? "acme-pim" : "acme-cms";
      const perms = product === "pim" ? ["pim:hangfire.view", "pim:product.edit"] : chosen;
      if (p.d % 2 === 0 || existing === undefined)
        return {
          text: `${by} roles.createCustom ${product}/${instance} [${perms.join(", ")}]`,
          request: post("roles.createCustom", {
            roleName: `r${p.e % 1000}`,
            product,
            instance,
            permissions: perms,
          }),
          allowed: mayManageCustomRole(held, { org: "acme", product, instance }),
        };
      const permsOfRole = existing.product === "cms" ? chosen : ["pim:hangfire.view"];
      return {
        text: `${by} roles.updateCustom ${existing.id} [${permsOfRole.join(", ")}]`,
        request: post("roles.updateCustom", {
          id: existing.id,
          version: existing.version,
          permissions: permsOfRole,
        }),
        allowed: mayManageCustomRole(held, {
          org: "acme",
          product: existing.product,
          instance: existing.instance,
        }),
      };
    }
    case "request": {
      const role = pick(["mission-control:partnerUser", "mission-control:partnerAdmin"], p.a) ?? "";
      const instance = p.b % 2 === 0 ? { instance: "acme-mc-production" } : {};
      return {
        text: `${by} accessRequests.request ${role} ${instance.instance ?? "(product)"}`,
        request: post("accessRequests.request", { customerOrg: "acme", role, path: "direct", ...instance }),
        allowed: undefined,
      };
    }
    case "decide": {
      const id = pick(await run.reads.pendingRequests(), p.a);
      if (id === undefined) return undefined;
      const row = (
        await run.api.rows<{ requested_role: string; instance: string | null; user_id: string }>(
          `select requested_role, instance, user_id from access_requests where id = '${id}'`,
        )
      )[0];
      if (row === undefined) return undefined;
      const scope = { ...places.mc, ...(row.instance === null ? {} : { instance: row.instance }) };
      return {
        text: `${by} accessRequests.decide ${id} (${row.requested_role} for ${row.user_id}) approve`,
        request: post("accessRequests.decide", { id, approve: true }),
        allowed: mayGiveRole(held, row.requested_role, scope, targetOf({ org: "agency" })),
      };
    }
    case "removeFromAccount":
    case "removeAccess":
    case "deleteUser": {
      const user = pick([...run.subjects], p.a);
      if (user === undefined) return undefined;
      const atPlace = p.kind !== "removeFromAccount";
      const path = p.kind === "deleteUser" ? "delete" : p.kind;
      const scope = atPlace
        ? (pick([places.cms, places.exp, places.checkout, places.mcProduction], p.b) ?? places.cms)
        : places.acme;
      const theirs = (await run.reads.grants({ org: "acme", subject: { kind: "user", id: user } })).filter(
        (g) => keyOf(g.scope).startsWith(keyOf(scope)),
      );
      const targets = await reachedBy(run, { kind: "user", id: user });
      const each = theirs.every((g) => mayGive(run, held, g, g.scope, targets));
      // R13: removing from the account is account-wide, whatever the grants (R9 judges them too).
      const whole =
        p.kind !== "removeFromAccount" || (user !== actor.id && mayChangeAccountStatus(held, "acme"));
      // Nothing to remove at a place changes nothing: the model has no verdict there, the invariants watch.
      const allowed = !whole ? false : theirs.length === 0 && atPlace ? undefined : each;
      const text = `${by} users.${path} ${user}${atPlace ? ` @ ${keyOf(scope)}` : ""}`;
      return {
        text,
        request: post(`users.${path}`, atPlace ? { userId: user, scope } : { userId: user }),
        allowed,
        ...(p.kind === "removeFromAccount" ? { onAccept: () => checkRemoved(run, text, user) } : {}),
      };
    }
    case "removeFromProjects": {
      // Seed 004's Remove from all projects: accepted when some project's grants of the person may all be removed.
      const user = pick([...run.subjects], p.a);
      if (user === undefined) return undefined;
      const theirs = (await run.reads.grants({ org: "acme", subject: { kind: "user", id: user } })).filter(
        (g) => g.scope.instance === places.exp.instance && g.scope.project !== undefined,
      );
      const targets = await reachedBy(run, { kind: "user", id: user });
      const projects = [...new Set(theirs.map((g) => g.scope.project))];
      const removable = projects.some((project) =>
        theirs
          .filter((g) => g.scope.project === project)
          .every((g) => mayGive(run, held, g, g.scope, targets)),
      );
      return {
        text: `${by} users.removeFromProjects ${user} @ ${keyOf(places.exp)}`,
        request: post("users.removeFromProjects", {
          org: "acme",
          instance: places.exp.instance,
          userId: user,
        }),
        allowed: theirs.length === 0 ? undefined : removable,
      };
    }
    case "deactivate": {
      // Deactivating takes rights away and reactivating restores what the account held: only a super admin of
      // acme may do either (never to itself); the rights watch checks what a reactivation brings back.
      const user = pick([...run.subjects], p.a);
      if (user === undefined) return undefined;
      const event = p.b % 2 === 0 ? "deactivate" : "reactivate";
      return {
        text: `${by} users.${event} ${user}`,
        request: post(`users.${event}`, { userId: user }),
        allowed: user !== actor.id && mayChangeAccountStatus(held, "acme"),
      };
    }
    case "setStatus": {
      const flag = pick(await run.reads.flags(), p.a);
      const to = pick(["draft", "running", "paused"] as const, p.b) ?? "draft";
      if (flag === undefined) return undefined;
      const environments = await run.reads.environments();
      const place = { project: places.checkout, flag: flag.id, environments };
      return {
        text: `${by} flags.setStatus ${flag.id} ${flag.status} → ${to}`,
        request: post("flags.setStatus", { id: flag.id, version: flag.version, status: to }),
        allowed: mayMoveFlag(held, place, flag.status, to),
      };
    }
  }
};

/** An invitation of `email` by the actor, judged as the grants it carries (R1–R5 for an acme user). */
const invitePlan = (
  run: Run,
  actor: Acting,
  held: ReadonlyArray<HeldGrant>,
  email: string,
  grants: ReadonlyArray<{ readonly role: string; readonly scope: Scope }>,
): Plan => ({
  text: `${actor.email}: users.invite ${email} [${grants.map((g) => `${g.role} @ ${keyOf(g.scope)}`).join(", ")}]`,
  request: {
    path: "users.invite",
    input: { org: "acme", emails: [email], language: "en", grants },
    as: actor.call,
  },
  allowed: grants.every((g) => mayGiveRole(held, g.role, g.scope, targetOf({ org: "acme" }))),
  onAccept: async (answer) => {
    const invited = (
      answer.data as { invited: Array<{ invitationId: string; acceptUrl: string; user: { id: string } }> }
    ).invited;
    for (const one of invited) {
      run.invitations.push(one.invitationId);
      run.tokens.set(one.invitationId, { token: tokenOf(one.acceptUrl), holder: actor.id });
      run.subjects.add(one.user.id);
    }
  },
});

/**
 * The re-invite chain (finding 2's shape): the actor takes an invitation's email (often the super admin's
 * pending ones), revokes the invitation or leaves the never-signed-in account as it is, invites the email
 * again with a role the reference model says it may give, and accepts its own fresh link at once.
 */
const reinviteSteps = async (
  run: Run,
  actor: Acting,
  held: ReadonlyArray<HeldGrant>,
  p: Picks,
): Promise<ReadonlyArray<Plan> | undefined> => {
  const id = pick(run.invitations, p.a);
  if (id === undefined) return undefined;
  const { email } = await run.reads.invitation(id);
  const acmeUser = targetOf({ org: "acme" });
  const givable = roles.flatMap((role) =>
    scopes.filter((scope) => mayGiveRole(held, role, scope, acmeUser)).map((scope) => ({ role, scope })),
  );
  const grant = pick(givable, p.c) ?? {
    role: pick(roles, p.c) ?? "",
    scope: pick(scopes, p.d) ?? places.acme,
  };
  const invite = invitePlan(run, actor, held, email, [grant]);
  const revoke = p.b % 2 === 0 ? await plan(run, actor, held, { ...p, kind: "revoke" }) : undefined;
  return revoke === undefined ? [invite] : [revoke, invite];
};

const failure = (run: Run, text: string, message: string) =>
  new Error(`escalation search, run ${run.number}: ${text}\n  ${message}`);

/** Rights gained since the last observation that neither the ledger nor the actor's delegation explains. */
const checkGains = async (run: Run, text: string, held: ReadonlyArray<HeldGrant>) => {
  const after = await run.reads.rights([...run.subjects]);
  const users = await run.reads.users();
  for (const [subject, byResource] of after) {
    const target = targetOf(users.find((u) => u.id === subject) ?? { org: "acme" });
    const ledger = run.legit.get(subject) ?? new Map<string, Set<string>>();
    run.legit.set(subject, ledger);
    for (const [key, actions] of byResource) {
      const before = run.rights.get(subject)?.get(key) ?? new Set<string>();
      const known = ledger.get(key) ?? new Set<string>();
      ledger.set(key, known);
      const gained = [...actions].filter((a) => !before.has(a) && !known.has(a));
      if (gained.length === 0) continue;
      const may = delegable(held, target, run.reads.probeOf(key), run.catalog);
      const unexplained = gained.filter((a) => !may.has(a));
      if (unexplained.length > 0)
        throw failure(
          run,
          text,
          `${subject} gained ${unexplained.join(", ")} at ${key}, which the actor could not delegate`,
        );
      for (const a of gained) known.add(a);
    }
  }
  run.rights = after;
};

/** After users.removeFromAccount: nothing of the user is left in acme (grants, groups, rights) nor its sign-in. */
const checkRemoved = async (run: Run, text: string, user: string) => {
  const left: string[] = [];
  const grants = await run.reads.grants({ org: "acme", subject: { kind: "user", id: user } });
  if (grants.length > 0) left.push(`grants ${grants.map((g) => g.role ?? g.permission).join(", ")}`);
  const acmeGroups = (await run.reads.groups()).filter((g) => g.org === "acme");
  const groups = new Set(await run.reads.groupsOf(user));
  const memberOf = acmeGroups.filter((g) => groups.has(g.id));
  if (memberOf.length > 0) left.push(`groups ${memberOf.map((g) => g.name).join(", ")}`);
  for (const [key, actions] of (await run.reads.rights([user])).get(user) ?? new Map())
    if (key.startsWith("acme") && actions.size > 0) left.push(`${[...actions].join(", ")} at ${key}`);
  const account = (await run.reads.users()).find((u) => u.id === user);
  if (account?.org === "acme") {
    const verify = Credentials.use((c) => c.verify(account.email, "gatehouse-demo"));
    if ((await run.api.runtime.runPromise(verify)) !== undefined) left.push("its password still signs in");
    const session = run.actors.find((a) => a.id === user);
    if (
      session !== undefined &&
      (await run.api.send("GET", "auth.me", undefined, session.call)).status === 200
    )
      left.push("its open session still answers");
  }
  if (left.length > 0) throw failure(run, text, `${user} was removed from acme but keeps ${left.join("; ")}`);
};

/** Accepting a token makes its holder the owner of the account: it must hold nothing the holder could not give. */
const acceptPlan = (
  run: Run,
  id: string,
  { token, holder }: { readonly token: string; readonly holder: string },
) => {
  const text = `${run.actors.find((a) => a.id === holder)?.email ?? holder}: invitations.accept ${id}`;
  return {
    text,
    request: { path: "invitations.accept", input: { token, password: "gatehouse-demo" }, as: {} },
    allowed: undefined,
    onAccept: async (answer: Answer) => {
      const { userId, email } = answer.data as { userId: string; email: string };
      run.tokens.delete(id);
      const held = await run.reads.held(holder);
      const rights = (await run.reads.rights([userId])).get(userId) ?? new Map();
      for (const [key, actions] of rights) {
        const may = delegable(held, targetOf({ org: "acme" }), run.reads.probeOf(key), run.catalog);
        const beyond = [...actions].filter((a) => !may.has(a));
        if (beyond.length > 0)
          throw failure(
            run,
            text,
            `${holder} now controls ${email}, which holds ${beyond.join(", ")} at ${key}: beyond what ${holder} could give`,
          );
      }
      run.actors.push({ id: userId, email, call: await run.api.signIn(email) });
    },
  } satisfies Plan;
};

/**
 * How `may`, asked just before, disagrees with the call's answer (undefined: it agrees): it allows an accepted call,
 * refuses in the call's own code and words, and where it cannot answer (a signed-out session) the call answers the
 * same. It may allow a call the handler then refuses (a conflict found after authorization), never one refused as
 * FORBIDDEN, which only authorization answers.
 */
const disagreement = (asked: Answer, answer: Answer): string | undefined => {
  const code = answer.error?.data.code;
  const message = answer.error?.message;
  const said = asked.status === 200 ? (asked.data as MayAnswer) : undefined;
  const agrees =
    said === undefined
      ? asked.status === answer.status && asked.error?.message === message
      : said.allowed
        ? code !== "FORBIDDEN"
        : said.code === code && said.reason === message;
  return agrees
    ? undefined
    : `may answered ${asked.status} ${JSON.stringify(asked.data ?? asked.error)}, the call ${answer.status} ${code} "${message}"`;
};

/**
 * Sends one planned step and judges it: an accepted one must be allowed by the model, pass its own check and
 * leave no unexplained gain; a refused one must answer 4xx and write no audit row. A signed-in actor's step is
 * first asked of `may`, which must agree with the call (disagreement).
 */
const attempt = async (run: Run, held: ReadonlyArray<HeldGrant>, planned: Plan): Promise<Answer> => {
  const audits = await run.reads.lastAudit();
  const { path, input, as } = planned.request;
  const asked =
    as.cookie === undefined ? undefined : await run.api.send("GET", "may", { procedure: path, input }, as);
  const answer = await run.api.send("POST", path, input, as);
  run.totals.attempts += 1;
  if (asked !== undefined) run.totals.asked += 1;
  const disagrees = asked === undefined ? undefined : disagreement(asked, answer);
  if (disagrees !== undefined) throw failure(run, planned.text, disagrees);
  if (answer.status === 200) {
    run.totals.accepted += 1;
    run.reads.invalidate();
    if (planned.allowed === false)
      throw failure(run, planned.text, "accepted, but the reference model says the actor may not do this");
    await planned.onAccept?.(answer);
    await checkGains(run, planned.text, held);
    return answer;
  }
  run.totals.refused += 1;
  if (planned.allowed === true) run.totals.stricter += 1;
  if (answer.status >= 500)
    throw failure(run, planned.text, `answered ${answer.status}: ${answer.error?.message}`);
  if ((await run.reads.newestAudit()) !== audits)
    throw failure(run, planned.text, `refused (${answer.status}) but wrote an audit row`);
  return answer;
};

/** One attempt: resolve against the world, then send and judge each step. */
export class Attempt implements AsyncCommand<Run, unknown> {
  private text = "";
  constructor(private readonly picks: Picks) {}
  check = () => true;

  /**
   * Sends and judges one step; the attempt's text names every step so far. A step that fails the search may
   * have changed the world: it is counted, so that the next run (fast-check's shrinking) starts from the baseline.
   */
  private async step(run: Run, held: ReadonlyArray<HeldGrant>, planned: Plan): Promise<Answer> {
    this.text = this.text === "" ? planned.text : `${this.text}; ${planned.text}`;
    try {
      return await attempt(run, held, planned);
    } catch (error) {
      run.totals.failures += 1;
      throw error;
    }
  }

  async run(run: Run): Promise<void> {
    const p = this.picks;
    if (p.kind === "accept") {
      const entry = pick([...run.tokens.entries()], p.a);
      if (entry === undefined) return;
      await this.step(run, await run.reads.held(entry[1].holder), acceptPlan(run, ...entry));
      return;
    }
    const actor = pick(run.actors, p.a + p.e) ?? run.actors[0];
    if (actor === undefined) return;
    const held = await run.reads.held(actor.id);
    const steps =
      p.kind === "reinvite"
        ? ((await reinviteSteps(run, actor, held, p)) ?? [])
        : [await plan(run, actor, held, p)];
    let last: Answer | undefined;
    for (const planned of steps) if (planned !== undefined) last = await this.step(run, held, planned);
    if (p.kind !== "reinvite" || last?.status !== 200) return;
    // The chain ends with the actor accepting the link it was just given.
    const id = (last.data as { invited: Array<{ invitationId: string }> }).invited[0]?.invitationId ?? "";
    const token = run.tokens.get(id);
    if (token !== undefined) await this.step(run, held, acceptPlan(run, id, token));
  }

  toString = () => this.text || `${this.picks.kind}(unresolved)`;
}
