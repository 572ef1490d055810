// A refused input's words, as the API answers them and @gatehouse/sdk throws them: each schema issue as its field's
// dotted path and message ("checks.1.action: Expected string"), all of them in one message.

/** The schema issues behind a validation failure, when that is what the error is. */
export const issuesOf = (
  cause: unknown,
): ReadonlyArray<{ readonly path: string; readonly message: string }> | undefined => {
  if (typeof cause !== "object" || cause === null || !("issues" in cause) || !Array.isArray(cause.issues))
    return;
  return cause.issues.map(
    (issue: { readonly path?: ReadonlyArray<PropertyKey>; readonly message?: string }) => ({
      path: (issue.path ?? []).map(String).join("."),
      message: issue.message ?? "is invalid",
    }),
  );
};

/** The issues as one message naming each field: "id: Expected string; name: …". */
export const issuesMessage = (issues: ReadonlyArray<{ readonly path: string; readonly message: string }>) =>
  issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`)).join("; ");
