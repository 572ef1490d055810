// The one delegation rule (spec section 5; docs/decisions.md#delegation): an actor gives a role or one permission
// at a scope only through an admin level it holds over that scope, and never more than that level could give.
import type { Scope } from "../model/scope.ts";
import { formatScope, scopeDepth } from "../model/scope.ts";
import { countingAs, grantsInForce, makesAdmin } from "./admin-levels.ts";
import { DEACTIVATED_REASON } from "./deactivation.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { PRODUCT_DEPTH } from "./resource-path.ts";
import { isEntityRole, type RoleEntry } from "./role-entry.ts";
import { nodeCovers } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";

export interface Delegation {
  readonly decision: "allow" | "deny";
  readonly reason: string;
}

const allow = (reason: string): Delegation => ({ decision: "allow", reason });
const deny = (reason: string): Delegation => ({ decision: "deny", reason });

/**
 * May `actor` give `given` (a role, or the single-permission role of one action) at `scope`? The assignment is
 * already known to be valid (spec section 6). `given.single` marks a single permission.
 */
export const delegation = (
  snap: Snapshot,
  actor: Subject,
  given: RoleEntry,
  scope: Scope,
  now: number,
): Delegation => {
  if (actor.deactivated) return deny(DEACTIVATED_REASON);
  const levels = snap.catalog.adminLevels;
  const over = grantsOver(snap, actor, scope, now);
  if (countingAs(over, levels.superAdmin).length > 0)
    return allow("a super admin may give any role or permission in its organization");
  if (snap.catalog.spansProducts(given.product))
    return deny(
      given.single
        ? "only a super admin can give an Admin Center permission"
        : "only a super admin can make a user an Admin Center administrator",
    );
  const own = over.filter((g) => g.node.ancestors[PRODUCT_DEPTH]?.key === given.product);
  const holds = (level: number | undefined) => level !== undefined && countingAs(own, level).length > 0;
  if (holds(levels.productAdmin))
    return allow(`a product admin of ${given.product} may give its roles and permissions`);
  if (holds(levels.instanceAdmin)) {
    if (holds(levels.administrators.get(given.product))) {
      const product = snap.catalog.products.get(given.product)?.label;
      return allow(`an ${product} administrator gives any ${product} role or permission in its instance`);
    }
    const mayGive = (r: RoleEntry) => !makesAdmin(levels, r);
    if (given.single ? within(given, givable(snap, given.product, mayGive)) : mayGive(given))
      return allow(`an instance admin may give the roles of its instance and the permissions they hold`);
    if (!holds(levels.projectOwner))
      return deny(
        given.single
          ? `an instance admin gives only permissions that a role it may give holds; ${given.label} is not one`
          : "you cannot add a user as an admin to your instance or project",
      );
  }
  if (holds(levels.projectOwner)) {
    const ownerGives = ownerGivesOf(levels.ownerGives.get(given.product));
    if (given.single ? within(given, ownerGivable(snap, given.product, ownerGives, over)) : ownerGives(given))
      return allow(
        "a project owner may add editors, viewers, entity roles and permissions it holds to its projects",
      );
    return deny(
      given.single
        ? `a project owner gives only permissions it holds or that an editor, viewer or entity role holds; ${given.label} is not one`
        : "a project owner adds only editors and viewers",
    );
  }
  return deny(`${actor.id} holds no admin level covering ${formatScope(scope)} for ${given.product}`);
};

/**
 * The actor's grants in force (its own and its groups') whose scope contains `scope`, in its home organization
 * only: a grant in another organization (a partner's Mission Control role) never confers authority there.
 */
const grantsOver = (snap: Snapshot, actor: Subject, scope: Scope, now: number): ReadonlyArray<Grant> => {
  const node = snap.tree.deepest(scope);
  if (node === undefined || scope.org !== actor.org) return [];
  const depth = scopeDepth(scope);
  return grantsInForce(snap, actor, now).filter((g) => nodeCovers(g.node, node) && g.node.depth <= depth);
};

/** A project owner's roles: the product's `projectOwnersGive` (editor, viewer) and the environment and flag roles. */
const ownerGivesOf =
  (projectRoles: ReadonlySet<string> | undefined) =>
  (role: RoleEntry): boolean =>
    projectRoles?.has(role.id) === true || isEntityRole(role);

/** The actions a project owner may give one by one: those of the roles it adds and those it holds itself. */
const ownerGivable = (
  snap: Snapshot,
  product: string,
  ownerGives: (r: RoleEntry) => boolean,
  over: ReadonlyArray<Grant>,
): Uint32Array => {
  const bits = givable(snap, product, ownerGives);
  for (const g of over) orInto(bits, g.role.bits);
  return bits;
};

/** The union of the action bits of `product`'s roles (system and custom) that `mayGive` accepts. */
const givable = (snap: Snapshot, product: string, mayGive: (r: RoleEntry) => boolean): Uint32Array => {
  const bits = new Uint32Array(snap.catalog.words);
  for (const role of snap.catalog.roles.values())
    if (role.product === product && mayGive(role)) orInto(bits, role.bits);
  return bits;
};

const orInto = (into: Uint32Array, bits: Uint32Array): void => {
  for (let w = 0; w < into.length; w++) into[w] = (into[w] as number) | (bits[w] ?? 0);
};

/** Every action bit of `role` (each platform variant of a permission) is among `allowed`. */
const within = (role: RoleEntry, allowed: Uint32Array): boolean =>
  role.bits.every((word, w) => (word & ~(allowed[w] as number)) === 0);
