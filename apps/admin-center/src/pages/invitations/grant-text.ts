// How an invitation's grants read in a table: "Role name at place", with role names from roles.list (custom
// roles included) and the place's name (instances and projects the admin may invite to; otherwise its id).
export interface GrantLike {
  readonly role: string;
  readonly scope: {
    readonly product?: string | undefined;
    readonly instance?: string | undefined;
    readonly project?: string | undefined;
  };
}

const placeOf = (scope: GrantLike["scope"], placeNames: ReadonlyMap<string, string>): string => {
  const place = scope.project ?? scope.instance ?? scope.product;
  return place === undefined ? "the organization" : (placeNames.get(place) ?? place);
};

export const grantText = (
  grant: GrantLike,
  roleNames: ReadonlyMap<string, string>,
  placeNames: ReadonlyMap<string, string>,
): string => `${roleNames.get(grant.role) ?? grant.role} at ${placeOf(grant.scope, placeNames)}`;
