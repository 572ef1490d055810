// An engine reason about the signed-in actor's own assignment, as that actor reads it: "you" for its id, places by
// name instead of their paths, products by label ("You hold no admin level covering Experimentation › Acme …").
import { formatScope, productsById, type Scope } from "@gatehouse/domain";
import type { Store } from "../authorize.ts";
import { placeNamer } from "./place-names.ts";

/** Rewrites reasons about `actor` at `scopes` (places of its own organization): returns the rewriting function. */
export const reasonWords = async (store: Store, actor: string, scopes: ReadonlyArray<Scope>) => {
  const { where } = await placeNamer(store, scopes, scopes[0]?.org);
  const places = [...scopes]
    .map((scope) => [formatScope(scope), where(scope)] as const)
    // The longest path first, so a project's path is not taken for its instance's.
    .sort((a, b) => b[0].length - a[0].length);
  return (reason: string): string => {
    let words = reason.replaceAll(`${actor} holds`, "You hold").replaceAll(actor, "you");
    for (const [path, name] of places) words = words.replaceAll(path, name);
    return words.replace(/ for ([a-z-]+)$/, (all, id: string) => {
      const label = productsById.get(id)?.label;
      return label === undefined ? all : ` for ${label}`;
    });
  };
};
