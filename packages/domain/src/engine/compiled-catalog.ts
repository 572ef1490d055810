// Compiles the product catalog once: every action gets a bit, every role a bitset over those bits.
// Custom roles and single-permission roles compile here too, on the same action bits.
import type { Condition } from "../catalog/condition.ts";
import type { ActionDef, FeatureLayer, Platform, ProductDef, RoleDef, ScopeLevel } from "../catalog/types.ts";
import { UnknownAction, UnknownRole } from "../model/errors.ts";
import type { ActionId, RoleId } from "../model/ids.ts";
import { groupActions, mayAllow, REACH_INTS, writeReach } from "./action-reach.ts";
import { type AdminLevels, compileAdminLevels } from "./admin-levels.ts";
import { type RoleEntry, setBit } from "./role-entry.ts";

/** One action as compiled: Experimentation actions have one entry per platform table. */
export interface ActionEntry {
  readonly bit: number;
  readonly id: ActionId;
  readonly product: string;
  readonly label: string;
  readonly platform: Platform | undefined;
  readonly layer: FeatureLayer | undefined;
  readonly condition: Condition | undefined;
  /** Alternatives to a single role: each clause needs a covering grant from every role set. */
  readonly conjunctions: Array<ReadonlyArray<ReadonlySet<number>>>;
}

/** An action id with its variants: `plain` for most products, `web`/`feature` for Experimentation. */
export interface ActionRef {
  readonly id: ActionId;
  readonly product: string;
  /** The action applies to every product's resources (an Admin Center action, see `ProductDef.adminLevels`). */
  readonly spansProducts: boolean;
  readonly plain: ActionEntry | undefined;
  readonly web: ActionEntry | undefined;
  readonly feature: ActionEntry | undefined;
  /**
   * The action's group (see action-reach.ts) as its bit `reach` in int `reachAt` of a reach: a subject whose roles reach
   * none of it is denied the action.
   */
  readonly reach: number;
  readonly reachAt: number;
}

/** What a custom role is made of: one product's actions, optionally counting as system roles. */
export interface RoleSource {
  readonly id: RoleId;
  readonly product: string;
  readonly label: string;
  readonly description: string;
  readonly actions: ReadonlyArray<ActionId>;
  readonly implies?: ReadonlyArray<RoleId>;
}

/** What a single-permission role's id starts with, before the action id (`permission:cms:page.edit`). */
export const SINGLE_PREFIX = "permission:";

export class CompiledCatalog {
  readonly products: ReadonlyMap<string, ProductDef>;
  /** Every action by id, for the catalog's readers; `setAction` writes it and `actionById`. */
  readonly actions = new Map<string, ActionRef>();
  /** The same, in a null-prototype record: what `action` reads on the check path (see CheckIndex's `slotOf`). */
  private readonly actionById: Record<string, ActionRef> = Object.create(null);
  readonly entries: ActionEntry[] = [];
  readonly roles = new Map<string, RoleEntry>();
  readonly roleList: Array<RoleEntry | undefined> = [];
  readonly words: number;
  /**
   * Every role's action bitset again, `words` ints per role index in one flat array: the check path asks `roleHolds`
   * rather than reading a role object and its bitset (two dependent reads, on objects of more than one shape).
   */
  private roleBits = new Uint32Array(0);
  /** Every role's reach, REACH_INTS ints by role index (see action-reach.ts): the groups of the actions it may allow. */
  private roleReaches = new Int32Array(0);
  /** Each entry's group (its action's), by entry bit; empty until the actions are grouped. */
  private entryGroups = new Int32Array(0);
  /** The admin levels the products declare, compiled once (they are system roles: indices never change). */
  readonly adminLevels: AdminLevels;
  /** Products whose roles a partner organization's users may hold at a customer's scopes. */
  readonly partnerProducts: ReadonlyArray<ProductDef>;
  private readonly singles = new Map<string, RoleEntry>();

  constructor(defs: ReadonlyArray<ProductDef>) {
    this.products = new Map(defs.map((p) => [p.id, p]));
    for (const product of defs) for (const action of product.actions) this.addAction(product, action);
    this.words = Math.ceil(this.entries.length / 32) + 1;
    for (const product of defs) for (const role of product.roles) this.compileSystemRole(role);
    for (const product of defs)
      for (const c of product.conjunctions ?? []) {
        const terms = c.allOf.map((set) => new Set(set.map((id) => this.role(id).index)));
        for (const entry of this.variants(this.action(c.action))) entry.conjunctions.push(terms);
      }
    this.adminLevels = compileAdminLevels(defs, (id) => this.role(id));
    this.partnerProducts = defs.filter((p) => p.partnerRoles === true);
    this.groupActions();
  }

  /** The product's roles are granted at, and its actions apply to, every product's scopes (the Admin Center). */
  spansProducts(product: string): boolean {
    return this.products.get(product)?.adminLevels !== undefined;
  }

  action(id: string): ActionRef {
    const ref = this.actionById[id];
    if (ref === undefined) throw new UnknownAction({ action: id });
    return ref;
  }

  role(id: string): RoleEntry {
    const entry = this.roles.get(id);
    if (entry === undefined) throw new UnknownRole({ role: id });
    return entry;
  }

  /** Whether the role at catalog index `index` holds action bit `bit` (as `roleHas` on its entry). */
  roleHolds(index: number, bit: number): boolean {
    return (((this.roleBits[index * this.words + (bit >>> 5)] as number) >>> (bit & 31)) & 1) !== 0;
  }

  /** Int `at` (below REACH_INTS) of the groups of actions the role at catalog index `index` may allow (action-reach.ts). */
  roleReach(index: number, at: number): number {
    return this.roleReaches[index * REACH_INTS + at] as number;
  }

  /** Every compiled entry of an action id (two for an Experimentation action on both platforms). */
  variants(ref: ActionRef): ReadonlyArray<ActionEntry> {
    return [ref.plain, ref.web, ref.feature].filter((e): e is ActionEntry => e !== undefined);
  }

  /** Compiles (or recompiles) a custom role; the caller has validated its product and actions. */
  compileCustomRole(source: RoleSource): RoleEntry {
    const previous = this.roles.get(source.id);
    const bits = new Uint32Array(this.words);
    for (const id of source.actions) for (const e of this.variants(this.action(id))) setBit(bits, e.bit);
    return this.register(
      {
        id: source.id,
        product: source.product,
        label: source.label,
        description: source.description,
        system: false,
        single: false,
        levels: undefined,
      },
      bits,
      new Map(),
      source.implies ?? [],
      previous?.index,
    );
  }

  /** Forgets a custom role; its index is not reused. */
  dropRole(id: string): void {
    const entry = this.roles.get(id);
    if (entry === undefined) return;
    this.roles.delete(id);
    this.roleList[entry.index] = undefined;
    this.roleBits.fill(0, entry.index * this.words, (entry.index + 1) * this.words);
    this.roleReaches.fill(0, entry.index * REACH_INTS, (entry.index + 1) * REACH_INTS);
  }

  /** The synthetic role behind a grant of one extra permission. */
  single(actionId: string): RoleEntry {
    const cached = this.singles.get(actionId);
    if (cached) return cached;
    const ref = this.action(actionId);
    const bits = new Uint32Array(this.words);
    for (const e of this.variants(ref)) setBit(bits, e.bit);
    const entry = this.register(
      {
        id: `${SINGLE_PREFIX}${actionId}` as RoleId,
        product: ref.product,
        label: this.variants(ref)[0]?.label ?? actionId,
        description: `The single permission ${actionId}`,
        system: true,
        single: true,
        levels: undefined,
      },
      bits,
      new Map(),
      [],
      undefined,
      false,
    );
    this.singles.set(actionId, entry);
    return entry;
  }

  private addAction(product: ProductDef, def: ActionDef): void {
    const entry: ActionEntry = {
      bit: this.entries.length,
      id: def.id,
      product: product.id,
      label: def.label,
      platform: def.platform,
      layer: def.layer,
      condition: def.condition,
      conjunctions: [],
    };
    this.entries.push(entry);
    const prev = this.actions.get(def.id);
    const slot = def.platform ?? "plain";
    this.setAction({
      id: def.id,
      product: product.id,
      spansProducts: product.adminLevels !== undefined,
      plain: prev?.plain,
      web: prev?.web,
      feature: prev?.feature,
      reach: 0,
      reachAt: 0,
      [slot]: entry,
    });
  }

  private compileSystemRole(def: RoleDef): void {
    const bits = new Uint32Array(this.words);
    const conditions = new Map<number, Condition>();
    for (const p of def.permissions) {
      const ref = this.action(p.action);
      const targets = p.platform ? [ref[p.platform]] : this.variants(ref);
      for (const e of targets) {
        if (e === undefined) throw new UnknownAction({ action: `${p.action} (${p.platform})` });
        setBit(bits, e.bit);
        if (p.when) conditions.set(e.bit, p.when);
      }
    }
    this.register(
      {
        id: def.id,
        product: def.product,
        label: def.label,
        description: def.description,
        system: true,
        single: false,
        levels: def.levels as ReadonlyArray<ScopeLevel> | undefined,
      },
      bits,
      conditions,
      def.implies ?? [],
      undefined,
    );
  }

  /** Adds implied roles' actions and identities, then files the entry under its id and index. */
  private register(
    meta: Omit<RoleEntry, "index" | "bits" | "conditions" | "countsAs">,
    bits: Uint32Array,
    conditions: Map<number, Condition>,
    implies: ReadonlyArray<RoleId>,
    index: number | undefined,
    listed = true,
  ): RoleEntry {
    const at = index ?? this.roleList.length;
    const countsAs = new Set<number>([at]);
    const own = bits.slice();
    for (const id of implies) {
      const implied = this.role(id);
      for (const i of implied.countsAs) countsAs.add(i);
      for (let w = 0; w < bits.length; w++) bits[w] = (bits[w] as number) | (implied.bits[w] as number);
      for (const [bit, cond] of implied.conditions)
        if (((own[bit >>> 5] as number) & (1 << (bit & 31))) === 0) conditions.set(bit, cond);
    }
    const entry: RoleEntry = { ...meta, index: at, bits, conditions, countsAs };
    this.roleList[at] = entry;
    this.keepBits(at, bits);
    this.keepReach(entry);
    if (listed) this.roles.set(entry.id, entry);
    return entry;
  }

  /** Writes role `index`'s bitset into `roleBits`, growing it (doubling) when the index is past its end. */
  private keepBits(index: number, bits: Uint32Array): void {
    const end = (index + 1) * this.words;
    if (end > this.roleBits.length) {
      const bigger = new Uint32Array(Math.max(end, 2 * this.roleBits.length));
      bigger.set(this.roleBits);
      this.roleBits = bigger;
    }
    this.roleBits.set(bits, index * this.words);
  }

  /** Records `ref` under its id, in `actions` and in `actionById`. */
  private setAction(ref: ActionRef): void {
    this.actions.set(ref.id, ref);
    this.actionById[ref.id] = ref;
  }

  /**
   * Puts every action in a group by the system roles that may allow it (`groupActions`), then computes every role's
   * reach; roles compiled later (custom roles, single permissions) get theirs as they are registered.
   */
  private groupActions(): void {
    const refs = [...this.actions.values()];
    const roles = this.roleList.filter((r): r is RoleEntry => r !== undefined);
    const holds = (role: number, bit: number) => this.roleHolds(role, bit);
    const groups = groupActions(refs, roles, (role, ref) =>
      this.variants(ref).some((e) => mayAllow(role, e, holds)),
    );
    this.entryGroups = new Int32Array(this.entries.length);
    refs.forEach((ref, i) => {
      const g = groups[i] as number;
      this.setAction({ ...ref, reach: 1 << (g & 31), reachAt: g >>> 5 });
      for (const e of this.variants(ref)) this.entryGroups[e.bit] = g;
    });
    for (const role of roles) this.keepReach(role);
  }

  /** Computes `role`'s reach into `roleReaches` (once the actions are grouped), growing it past its end. */
  private keepReach(role: RoleEntry): void {
    if (this.entryGroups.length === 0) return;
    const end = (role.index + 1) * REACH_INTS;
    if (end > this.roleReaches.length) {
      const bigger = new Int32Array(Math.max(end, 2 * this.roleReaches.length));
      bigger.set(this.roleReaches);
      this.roleReaches = bigger;
    }
    const holds = (index: number, bit: number) => this.roleHolds(index, bit);
    writeReach(role, this.entries, this.entryGroups, holds, this.roleReaches, role.index * REACH_INTS);
  }
}
