// An explanation as its reader may see it when some flag is hidden from the reader (flag-none): a grant at such a
// flag is left out, unless the question named that flag itself, and then it is shown by id, never by name.
import { type Allows, type Explanation, type Scope, seesFlag } from "@gatehouse/domain";

/** The flags the explanation's grants sit at that the reader (`allows`: its own question) does not see. */
export const hiddenFlagsOf = (explanation: Explanation, allows: Allows): ReadonlySet<string> => {
  const grants = [
    ...explanation.considered.map((c) => c.grant),
    ...explanation.deciding,
    ...(explanation.nearest === undefined ? [] : [explanation.nearest]),
  ];
  const hidden = new Set<string>();
  for (const { scope } of grants) {
    if (scope.flag === undefined || hidden.has(scope.flag)) continue;
    const { org, product, instance, project, flag } = scope;
    const at = { org, product, instance, project, flag, attrs: { platform: "feature" as const } };
    if (!seesFlag(allows, at)) hidden.add(flag);
  }
  return hidden;
};

/**
 * `explanation` without its grants at the `hidden` flags, but for the flag the question names (`asked`: its id
 * came from the caller, and its grant decided). The decision and its reason are the engine's, unchanged.
 */
export const withoutHiddenFlags = (
  explanation: Explanation,
  hidden: ReadonlySet<string>,
  asked: string | undefined,
): Explanation => {
  if (hidden.size === 0) return explanation;
  const shown = (g: { readonly scope: Scope } | undefined) =>
    g !== undefined && (g.scope.flag === undefined || g.scope.flag === asked || !hidden.has(g.scope.flag));
  return {
    ...explanation,
    considered: explanation.considered.filter((c) => shown(c.grant)),
    deciding: explanation.deciding.filter(shown),
    nearest: shown(explanation.nearest) ? explanation.nearest : undefined,
  };
};
