// The scope tree: one node per known path prefix, each knowing its ancestors by depth.
// "Does grant g cover resource r" is one array read: r.ancestors[g.depth] === g.node. No string keys are built.
import { InvalidScope } from "../model/errors.ts";
import { type Scope, type ScopeKey, scopeKeys } from "../model/scope.ts";
import type { Grant } from "./grant-entry.ts";
import { PATH_LENGTH, PRODUCT_DEPTH } from "./resource-path.ts";

export interface ScopeNode {
  readonly key: string;
  readonly depth: number;
  readonly parent: ScopeNode | undefined;
  /** ancestors[d] is the node at depth d on this node's path; ancestors[depth] is the node itself. */
  readonly ancestors: ReadonlyArray<ScopeNode>;
  children: Map<string, ScopeNode> | undefined;
  /** Grants made at exactly this node (for whoCan and the access matrix). */
  readonly grants: Grant[];
}

const segment = (scope: Scope, depth: number): string | undefined => scope[scopeKeys[depth] as ScopeKey];

export class ScopeTree {
  private readonly orgs = new Map<string, ScopeNode>();

  /** The deepest existing node on the scope's path, or undefined when its organization is unknown. */
  deepest(scope: Scope): ScopeNode | undefined {
    let node = this.orgs.get(scope.org);
    if (node === undefined) return undefined;
    for (let d = PRODUCT_DEPTH; d < PATH_LENGTH; d++) {
      const key = segment(scope, d);
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

  /** The node for the scope, creating missing ones; the scope must be a gap-free path. */
  ensure(scope: Scope, depth: number): ScopeNode {
    if (depth < 0) throw new InvalidScope({ reason: "a scope key is set below a missing one" });
    let node = this.orgs.get(scope.org);
    if (node === undefined) {
      node = this.makeNode(scope.org, undefined);
      this.orgs.set(scope.org, node);
    }
    for (let d = 1; d <= depth; d++) {
      const key = segment(scope, d) as string;
      node.children ??= new Map();
      let child = node.children.get(key);
      if (child === undefined) {
        child = this.makeNode(key, node);
        node.children.set(key, child);
      }
      node = child;
    }
    return node;
  }

  /** The scope a node stands for. */
  scopeOf(node: ScopeNode): Scope {
    const out: Partial<Record<ScopeKey, string>> = {};
    for (const a of node.ancestors) out[scopeKeys[a.depth] as ScopeKey] = a.key;
    return out as Scope;
  }

  private makeNode(key: string, parent: ScopeNode | undefined): ScopeNode {
    const ancestors: ScopeNode[] = parent ? [...parent.ancestors] : [];
    const node: ScopeNode = {
      key,
      depth: parent ? parent.depth + 1 : 0,
      parent,
      ancestors,
      children: undefined,
      grants: [],
    };
    ancestors.push(node);
    return node;
  }
}

/** True when the node `outer` is `inner` or one of its ancestors. */
export const nodeCovers = (outer: ScopeNode, inner: ScopeNode): boolean =>
  inner.depth >= outer.depth && inner.ancestors[outer.depth] === outer;
