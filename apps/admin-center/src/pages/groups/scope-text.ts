// How a grant's scope reads in the group pages: its path from the organization down, e.g. "acme › cms › acme-cms".
// The same order the "Why?" panel uses.
export interface ScopePath {
  readonly org: string;
  readonly product?: string | undefined;
  readonly instance?: string | undefined;
  readonly project?: string | undefined;
  readonly environment?: string | undefined;
  readonly flag?: string | undefined;
}

export const scopeText = (scope: ScopePath): string =>
  [scope.org, scope.product, scope.instance, scope.project, scope.environment, scope.flag]
    .filter((part): part is string => part !== undefined)
    .join(" › ");
