// Where the pages of a place live, and the `?context=` a user's details are opened with: the path of the
// product, instance and project ("experimentation/acme-exp/acme-checkout"), empty for the whole organization.

/** A place inside the signed-in admin's organization (the organization itself when empty). */
export interface UserScope {
  readonly product?: string;
  readonly instance?: string;
  readonly project?: string;
}

export const instancePath = (product: string, instance: string): string =>
  `/products/${encodeURIComponent(product)}/instances/${encodeURIComponent(instance)}`;

export const projectPath = (project: string): string => `/projects/${encodeURIComponent(project)}`;

/** The `context` query value of `scope`. */
export const contextParam = (scope: UserScope): string =>
  [scope.product, scope.instance, scope.project].filter((part) => part !== undefined).join("/");

/** The scope a `context` query value names (the organization for a missing or empty one). */
export const parseContext = (param: string | null): UserScope => {
  const [product, instance, project] = (param ?? "").split("/").filter((part) => part !== "");
  return {
    ...(product === undefined ? {} : { product }),
    ...(instance === undefined ? {} : { instance }),
    ...(project === undefined ? {} : { project }),
  };
};

/** The details page of `user` seen from `scope`. */
export const userDetailsPath = (user: string, scope: UserScope): string => {
  const context = contextParam(scope);
  return `/users/${encodeURIComponent(user)}${context === "" ? "" : `?context=${encodeURIComponent(context)}`}`;
};

/** The invite page opened from `scope` (it preselects the place). */
export const invitePath = (scope: UserScope): string => {
  const params = new URLSearchParams();
  if (scope.product !== undefined) params.set("product", scope.product);
  if (scope.instance !== undefined) params.set("instance", scope.instance);
  if (scope.project !== undefined) params.set("project", scope.project);
  const query = params.toString();
  return query === "" ? "/invite" : `/invite?${query}`;
};
