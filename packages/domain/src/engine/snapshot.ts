// The engine's world: organizations, subjects, roles and grants, indexed for decisions.
// Every change is incremental (add or remove one grant, role, member), never a rebuild.
import { Result } from "effect";
import type { ProductDef } from "../catalog/types.ts";
import { InvalidMembership, RoleDefinitionRejected, UnknownRole, UnknownSubject } from "../model/errors.ts";
import type { ActionId, RoleId } from "../model/ids.ts";
import { type Scope, scopeDepth } from "../model/scope.ts";
import { checkCustomRole } from "../rules/custom-role.ts";
import { REACH_INTS } from "./action-reach.ts";
import { CheckIndex } from "./check-index.ts";
import { CompiledCatalog, type RoleSource } from "./compiled-catalog.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { impossibleGrant } from "./impossible-grant.ts";
import { filterHash } from "./path-hash.ts";
import { PATH_LENGTH } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import { ScopeTree } from "./scope-tree.ts";

export interface OrgSettings {
  readonly kind: "customer" | "partner";
  /** Enabled products; undefined means every product. */
  readonly products: ReadonlySet<string> | undefined;
}

/** A grant as given to the engine: a role or one extra permission, at a scope, optionally expiring. */
export type GrantInput = {
  readonly id: string;
  readonly subject: string;
  readonly scope: Scope;
  readonly expiresAt?: number;
} & ({ readonly role: string } | { readonly permission: string });

/** A custom role as given to the engine. */
export interface CustomRoleInput {
  readonly id: string;
  readonly product: string;
  /** The organization the role belongs to: nowhere else is it known (see `roleIn`). */
  readonly org?: string;
  /** The instance the role was made for: it is granted only there or below (see `customRoleInstance`). */
  readonly instance?: string;
  readonly label?: string;
  readonly description?: string;
  readonly permissions: ReadonlyArray<string>;
  readonly implies?: ReadonlyArray<string>;
}

/** A grant no actor could have made (see `impossibleGrant`): held aside, counting for nothing, with why. */
export interface SetAsideGrant {
  readonly input: GrantInput;
  readonly subject: Subject;
  readonly reason: string;
}

const everything: OrgSettings = { kind: "customer", products: undefined };

/** Users have no members; they all share this one empty set, which nothing ever adds to. */
const NO_MEMBERS: Set<Subject> = new Set();

/** Users and groups share the index; a group's key cannot collide with a user id. */
const indexKey = (s: Pick<Subject, "id" | "kind">): string =>
  s.kind === "user" ? s.id : `\u0000group:${s.id}`;

export class Snapshot {
  readonly catalog: CompiledCatalog;
  readonly tree = new ScopeTree();
  readonly subjects = new Map<string, Subject>();
  readonly grants = new Map<string, Grant>();
  /** The check path's compact copy of every subject's grants. */
  readonly index = new CheckIndex();
  /** Grants by ordinal (the index refers to grants by ordinal); freed ordinals are reused. */
  readonly grantTable: Array<Grant | undefined> = [];
  /** PATH_LENGTH scope segments per grant ordinal, flat: what verifies a filter-hash match in one memory read. */
  readonly grantSegments: Array<string | undefined> = [];
  private readonly freeOrdinals: number[] = [];
  private deferred: Set<Subject> | undefined;
  /** Scratch for the reach `reindex` computes (see action-reach.ts), so a rewrite allocates none. */
  private readonly reach = new Int32Array(REACH_INTS);
  private readonly orgs: Map<string, OrgSettings>;
  /** The organization each custom role belongs to, for those that were given one. */
  private readonly customRoleOrgs = new Map<string, string>();
  /** The instance each custom role was made for, for those that were given one. */
  private readonly customRoleInstances = new Map<string, string>();
  /** Custom roles no actor could have defined, with why (see `admitCustomRole`). */
  private readonly unmade = new Map<string, string>();
  /** Grants no actor could have made, by id: in no index, so no decision reads them; explanations tell why. */
  readonly setAside = new Map<string, SetAsideGrant>();
  /** The grants that expire (most never do): what finding the next lapse reads, instead of every grant. */
  readonly expiring = new Set<Grant>();

  /**
   * A snapshot of `products`; or, given another snapshot, an empty one over that one's catalog and organization
   * settings (shared, not copied, and never written through it): what a what-if overlay copies subjects onto.
   */
  constructor(from: ReadonlyArray<ProductDef> | Snapshot) {
    this.catalog = from instanceof Snapshot ? from.catalog : new CompiledCatalog(from);
    this.orgs = from instanceof Snapshot ? from.orgs : new Map();
  }

  /** An organization's settings; an unlisted one is a customer with every product enabled. */
  org(id: string): OrgSettings {
    return this.orgs.get(id) ?? everything;
  }

  setOrg(id: string, settings: OrgSettings): void {
    this.orgs.set(id, settings);
  }

  productEnabled(org: string, product: string): boolean {
    if (this.orgs.size === 0) return true;
    const products = this.orgs.get(org)?.products;
    return products === undefined || products.has(product);
  }

  subject(id: string): Subject {
    const s = this.subjects.get(id);
    if (s === undefined) throw new UnknownSubject({ subject: id });
    return s;
  }

  addUser(id: string, org: string): Subject {
    return this.addSubject(id, "user", org);
  }

  /**
   * Deactivates (or reactivates) user `id`: while deactivated, every decision whose subject it is denies, and
   * its grants confer no authority; they stay, so reactivating restores everything.
   */
  setDeactivated(id: string, deactivated: boolean): void {
    const s = this.subject(id);
    if (s.kind !== "user") return;
    (s as { deactivated: boolean }).deactivated = deactivated;
    this.index.markDeactivated(s.slot, deactivated);
  }

  addGroup(id: string, org: string): Subject {
    return this.addSubject(id, "group", org);
  }

  /** Removes a user or group with all its grants and memberships. */
  removeSubject(id: string): void {
    const s = this.subjects.get(id);
    if (s === undefined) return;
    for (const g of [...s.grants]) this.removeGrant(g.id);
    for (const [grant, aside] of this.setAside) if (aside.subject === s) this.setAside.delete(grant);
    for (const group of s.groups) group.members.delete(s);
    for (const member of s.members) {
      member.groups.splice(member.groups.indexOf(s), 1);
      this.reindex(member);
    }
    this.index.release(indexKey(s));
    this.subjects.delete(id);
  }

  /**
   * Puts a user in a group. Membership never crosses organizations: a user of another organization than the
   * group's is not linked, so the group's grants never count for it (check, explain, whoCan, assign, landing);
   * returns whether the user is a member.
   */
  addMember(groupId: string, userId: string): boolean {
    const group = this.subject(groupId);
    const user = this.subject(userId);
    if (group.kind !== "group" || user.kind !== "user")
      throw new InvalidMembership({ group: groupId, member: userId });
    if (user.org !== group.org) return false;
    if (group.members.has(user)) return true;
    group.members.add(user);
    user.groups.push(group);
    this.reindex(user);
    return true;
  }

  removeMember(groupId: string, userId: string): void {
    const group = this.subject(groupId);
    const user = this.subject(userId);
    if (!group.members.delete(user)) return;
    user.groups.splice(user.groups.indexOf(group), 1);
    this.reindex(user);
  }

  /** The compiled role a grant input names (a system or custom role, or a single permission). */
  roleOf(input: GrantInput): RoleEntry {
    return "role" in input ? this.catalog.role(input.role) : this.catalog.single(input.permission);
  }

  /**
   * Adds (or replaces) a grant. One that no actor could have made (`impossibleGrant`: a scope with a gap, a role
   * that cannot exist or cannot sit there) is held aside instead, counting for nothing: returns undefined.
   */
  addGrant(input: GrantInput): Grant | undefined {
    if (this.grants.has(input.id) || this.setAside.has(input.id)) this.removeGrant(input.id);
    const subject = this.subject(input.subject);
    const role = this.roleOf(input);
    const reason = impossibleGrant(this, role, input.scope, subject.org);
    if (reason !== undefined) {
      this.setAside.set(input.id, { input, subject, reason });
      return undefined;
    }
    const depth = scopeDepth(input.scope);
    const node = this.tree.ensure(input.scope, depth);
    const path = node.ancestors.map((a) => a?.key);
    const grant: Grant = {
      id: input.id,
      subject,
      node,
      role,
      expiresAt: input.expiresAt ?? 0,
      crossOrg: input.scope.org !== subject.org,
      hash: filterHash(path, depth),
      ordinal: this.freeOrdinals.pop() ?? this.grantTable.length,
      atNode: node.grants.length,
    };
    this.grantTable[grant.ordinal] = grant;
    for (let d = 0; d < PATH_LENGTH; d++) this.grantSegments[grant.ordinal * PATH_LENGTH + d] = path[d];
    node.grants.push(grant);
    subject.grants.push(grant);
    this.reindex(subject);
    this.grants.set(grant.id, grant);
    if (grant.expiresAt !== 0) this.expiring.add(grant);
    return grant;
  }

  removeGrant(id: string): boolean {
    if (this.setAside.delete(id)) return true;
    const grant = this.grants.get(id);
    if (grant === undefined) return false;
    const list = grant.node.grants;
    const last = list.pop() as Grant;
    if (last !== grant) {
      list[grant.atNode] = last;
      last.atNode = grant.atNode;
    }
    const own = grant.subject.grants;
    own.splice(own.indexOf(grant), 1);
    this.reindex(grant.subject);
    this.grantTable[grant.ordinal] = undefined;
    this.freeOrdinals.push(grant.ordinal);
    this.grants.delete(id);
    this.expiring.delete(grant);
    return true;
  }

  /** Adds or replaces a custom role. Its grants follow the new definition at once. */
  upsertCustomRole(input: CustomRoleInput): RoleEntry {
    const refusal = this.refusalOf(input);
    if (refusal !== undefined) throw new RoleDefinitionRejected({ role: input.id, reason: refusal });
    this.unmade.delete(input.id);
    return this.install(input);
  }

  /**
   * Adds custom role `input` as `upsertCustomRole` does, except that one no actor could define (for a product
   * without custom roles, with another product's action, over a system role) is kept as what the world claims:
   * a role holding nothing whose grants count for nothing and whose assignment is invalid, with why
   * (`unmadeRole`). Unknown vocabulary (product, action, implied role) still throws. For worlds given whole.
   */
  admitCustomRole(input: CustomRoleInput): RoleEntry {
    for (const action of input.permissions) this.catalog.action(action);
    const refusal = this.refusalOf(input);
    if (refusal === undefined) return this.upsertCustomRole(input);
    this.unmade.set(input.id, refusal);
    const system = this.catalog.roles.get(input.id);
    if (system?.system) {
      this.readdGrantsOf(input.id);
      return system;
    }
    return this.install({ ...input, permissions: [], implies: [] });
  }

  /** Why no actor could have defined custom role `id` (see `admitCustomRole`), or undefined. */
  unmadeRole(id: string): string | undefined {
    return this.unmade.get(id);
  }

  /** Why custom role `input` cannot be defined, or undefined; throws for an unknown product or implied role. */
  private refusalOf(input: CustomRoleInput): string | undefined {
    const implied = (input.implies ?? []).map((id) => this.catalog.role(id));
    if (this.catalog.roles.get(input.id)?.system)
      return `${input.id} is a system role: system roles cannot be changed`;
    const definition = checkCustomRole(this.catalog.products, input);
    if (Result.isFailure(definition)) {
      if (definition.failure.reason === "unknown-product")
        throw new RoleDefinitionRejected({ role: input.id, reason: definition.failure.detail });
      return definition.failure.detail;
    }
    const foreign = implied.find((r) => r.product !== input.product);
    return foreign === undefined ? undefined : `${foreign.id} is not a role of ${input.product}`;
  }

  private install(input: CustomRoleInput): RoleEntry {
    const existing = this.catalog.roles.get(input.id);
    const source: RoleSource = {
      id: input.id as RoleId,
      product: input.product,
      label: input.label ?? input.id,
      description: input.description ?? "",
      actions: input.permissions as ReadonlyArray<ActionId>,
      implies: (input.implies ?? []) as ReadonlyArray<RoleId>,
    };
    const entry = this.catalog.compileCustomRole(source);
    if (input.org === undefined) this.customRoleOrgs.delete(input.id);
    else this.customRoleOrgs.set(input.id, input.org);
    if (input.instance === undefined) this.customRoleInstances.delete(input.id);
    else this.customRoleInstances.set(input.id, input.instance);
    if (existing !== undefined || this.setAside.size > 0) this.readdGrantsOf(input.id);
    return entry;
  }

  /**
   * A role as `org` knows it: every system role and its own custom roles. Another organization's custom role is
   * unknown there, with the very error a made-up role id gets, so its existence is not revealed.
   */
  roleIn(id: string, org: string): RoleEntry {
    const owner = this.customRoleOrgs.get(id);
    if (owner !== undefined && owner !== org) throw new UnknownRole({ role: id });
    return this.catalog.role(id);
  }

  /** The instance custom role `id` was made for, or undefined (a system role, or one given no instance). */
  customRoleInstance(id: string): string | undefined {
    return this.customRoleInstances.get(id);
  }

  /** Removes a custom role and every grant of it; returns how many grants went with it. */
  removeCustomRole(id: string): number {
    const entry = this.catalog.role(id);
    if (entry.system)
      throw new RoleDefinitionRejected({ role: id, reason: "system roles cannot be deleted" });
    const doomed = [...this.grants.values()].filter((g) => g.role === entry).map((g) => g.id);
    for (const [grant, aside] of this.setAside)
      if ("role" in aside.input && aside.input.role === id) doomed.push(grant);
    for (const grant of doomed) this.removeGrant(grant);
    this.catalog.dropRole(id);
    this.customRoleOrgs.delete(id);
    this.customRoleInstances.delete(id);
    this.unmade.delete(id);
    return doomed.length;
  }

  /** Makes every grant of role `id` again, held aside or not, so it follows the role's definition. */
  private readdGrantsOf(id: string): void {
    const inputs: GrantInput[] = [];
    for (const g of this.grants.values())
      if (g.role.id === id)
        inputs.push({
          id: g.id,
          subject: g.subject.id,
          scope: this.tree.scopeOf(g.node),
          role: id,
          expiresAt: g.expiresAt,
        });
    for (const aside of this.setAside.values())
      if ("role" in aside.input && aside.input.role === id) inputs.push(aside.input);
    for (const input of inputs) {
      this.removeGrant(input.id);
      this.addGrant(input);
    }
  }

  private addSubject(id: string, kind: Subject["kind"], org: string): Subject {
    const existing = this.subjects.get(id);
    if (existing) return existing;
    const s: Subject = {
      id,
      kind,
      org,
      grants: [],
      slot: -1,
      groups: [],
      members: kind === "group" ? new Set() : NO_MEMBERS,
      deactivated: false,
    };
    s.slot = this.index.claim(indexKey(s), s);
    this.subjects.set(id, s);
    return s;
  }

  /**
   * Runs `load` with index writes deferred to its end, so a bulk load summarises each subject once.
   * Decisions made inside `load` may see stale summaries; make none there.
   */
  batch(load: () => void): void {
    if (this.deferred !== undefined) {
      load();
      return;
    }
    this.deferred = new Set();
    try {
      load();
    } finally {
      const touched = this.deferred;
      this.deferred = undefined;
      for (const s of touched) if (this.subjects.get(s.id) === s) this.reindex(s);
    }
  }

  /** Rewrites the subject's summaries and reach in the check index (or marks it, inside a batch). */
  private reindex(s: Subject): void {
    if (this.deferred !== undefined) {
      this.deferred.add(s);
      return;
    }
    const reach = this.reach;
    for (let at = 0; at < REACH_INTS; at++) {
      let union = 0;
      for (const g of s.grants) union |= this.catalog.roleReach(g.role.index, at);
      reach[at] = union;
    }
    this.index.write(
      s.slot,
      s.grants.map((g) => ({
        roleIndex: g.role.index,
        depth: g.node.depth,
        hash: g.hash,
        ordinal: g.ordinal,
        expires: g.expiresAt !== 0,
        crossOrg: g.crossOrg,
        single: g.role.single,
      })),
      s.groups.length > 0,
      reach,
    );
  }
}
