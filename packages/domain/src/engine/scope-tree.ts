// The scope tree: one node per known path prefix, each knowing its ancestors by depth; a flag scope's node hangs
// from its project with no environment ancestor. "Does grant g cover node n" is mostly one array read.
import { InvalidScope } from "../model/errors.ts";
import { type Scope, type ScopeKey, scopeKeys } from "../model/scope.ts";
import type { Grant } from "./grant-entry.ts";
import { ENVIRONMENT_DEPTH, FLAG_DEPTH, PATH_LENGTH, PRODUCT_DEPTH, PROJECT_DEPTH } from "./resource-path.ts";

export interface ScopeNode {
  readonly key: string;
  readonly depth: number;
  readonly parent: ScopeNode | undefined;
  /**
   * ancestors[d] is the node at depth d on this node's path; ancestors[depth] is the node itself. A flag scope's
   * node has none at the environment's depth.
   */
  readonly ancestors: ReadonlyArray<ScopeNode | undefined>;
  children: Map<string, ScopeNode> | undefined;
  /** Grants made at exactly this node (for whoCan and the access matrix). */
  readonly grants: Grant[];
}

const segment = (scope: Scope, depth: number): string | undefined => scope[scopeKeys[depth] as ScopeKey];

/** A project's children are its environments and, under this key, its flag scopes (an id may name both). */
const flagKey = (flag: string): string => `\u0000flag:${flag}`;

/** The node of a flag scope {…project, flag}: a flag in every environment. */
export const isFlagNode = (node: ScopeNode): boolean =>
  node.depth === FLAG_DEPTH && node.ancestors[ENVIRONMENT_DEPTH] === undefined;

export class ScopeTree {
  private readonly orgs = new Map<string, ScopeNode>();

  /**
   * The deepest existing node on the scope's path, or undefined when its organization is unknown; for a flag
   * scope, its flag node when there is one.
   */
  deepest(scope: Scope): ScopeNode | undefined {
    let node = this.orgs.get(scope.org);
    if (node === undefined) return undefined;
    for (let d = PRODUCT_DEPTH; d < PATH_LENGTH; d++) {
      const key = segment(scope, d);
      if (key === undefined && d === ENVIRONMENT_DEPTH && scope.flag !== undefined)
        return this.flagNode(scope) ?? node;
      if (key === undefined || node.children === undefined) return node;
      const child: ScopeNode | undefined = node.children.get(key);
      if (child === undefined) return node;
      node = child;
    }
    return node;
  }

  /** The node for exactly this scope, if it exists. */
  exact(scope: Scope, depth: number): ScopeNode | undefined {
    const node = this.deepest(scope);
    return node !== undefined && node.depth === depth ? node : undefined;
  }

  /** The node of the flag scope {…project, flag} of `scope`'s project and flag, if it exists. */
  flagNode(scope: Scope): ScopeNode | undefined {
    if (scope.flag === undefined) return undefined;
    return this.exact({ ...scope, environment: undefined, flag: undefined }, PROJECT_DEPTH)?.children?.get(
      flagKey(scope.flag),
    );
  }

  /** The node for the scope, creating missing ones; the scope must be a path with no gap but a flag scope's. */
  ensure(scope: Scope, depth: number): ScopeNode {
    if (depth < 0) throw new InvalidScope({ reason: "a scope key is set below a missing one" });
    let node = this.orgs.get(scope.org);
    if (node === undefined) {
      node = this.makeNode(scope.org, undefined, 0);
      this.orgs.set(scope.org, node);
    }
    for (let d = 1; d <= depth; d++) {
      const key = segment(scope, d);
      if (key === undefined) continue;
      const childKey = d === FLAG_DEPTH && node.depth === PROJECT_DEPTH ? flagKey(key) : key;
      node.children ??= new Map();
      let child = node.children.get(childKey);
      if (child === undefined) {
        child = this.makeNode(key, node, d);
        node.children.set(childKey, child);
      }
      node = child;
    }
    return node;
  }

  /** The scope a node stands for. */
  scopeOf(node: ScopeNode): Scope {
    const out: Partial<Record<ScopeKey, string>> = {};
    for (const a of node.ancestors) if (a !== undefined) out[scopeKeys[a.depth] as ScopeKey] = a.key;
    return out as Scope;
  }

  private makeNode(key: string, parent: ScopeNode | undefined, depth: number): ScopeNode {
    const ancestors: Array<ScopeNode | undefined> = parent ? [...parent.ancestors] : [];
    while (ancestors.length < depth) ancestors.push(undefined);
    const node: ScopeNode = { key, depth, parent, ancestors, children: undefined, grants: [] };
    ancestors.push(node);
    return node;
  }
}

/**
 * True when the node `outer` is `inner` or one of its ancestors, or `outer` is a flag scope's node and `inner` the
 * same flag in one of its project's environments.
 */
export const nodeCovers = (outer: ScopeNode, inner: ScopeNode): boolean =>
  inner.depth >= outer.depth &&
  (inner.ancestors[outer.depth] === outer ||
    (isFlagNode(outer) &&
      inner.key === outer.key &&
      inner.ancestors[PROJECT_DEPTH] === outer.ancestors[PROJECT_DEPTH]));
