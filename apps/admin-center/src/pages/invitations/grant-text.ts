// An invitation grant's place as ids, for the hover text next to the names the server serves (roleName, where):
// "experimentation/acme-exp/acme-checkout".
export const scopePath = (scope: {
  readonly product?: string | undefined;
  readonly instance?: string | undefined;
  readonly project?: string | undefined;
}): string => [scope.product, scope.instance, scope.project].filter(Boolean).join("/") || "the organization";
