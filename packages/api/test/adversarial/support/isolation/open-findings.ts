// The isolation findings still open on this branch, by procedure and kind, each with where it is being fixed. The
// sweep fails on any finding not listed here, and on PGlite on any listed one it no longer finds: a fix removes its line.
export const openFindings: Readonly<Record<string, string>> = {
  // Not in the list: another organization's custom role previews like a role of one's own, where a
  // missing one is "Unknown role" (whatIf.preview: authz-path; the engine knows every organization's custom roles).
  "whatIf.preview oracle": "sweep: another organization's custom role in a preview",
  // Found by the sweep, not in the issue (reported to the integrator):
  // another organization's custom role is named with its name and instance before any authorization
  // (custom-role-placement.ts), and answers "no custom role in <org>" where a missing one is "Unknown role".
  "grants.create leak": "sweep: custom-role placement before authorization",
  "grants.create oracle":
    "sweep: custom-role placement; engine.assign names the foreign organization's products",
  "grants.update oracle": "sweep: custom-role placement",
  // Emails are unique across organizations: an invite of another organization's email is CONFLICT, decided before
  // authorization (any member learns it); plus the custom-role placement above.
  "users.invite oracle": "sweep: email checked before authorization; custom-role placement",
  // groups.addMember says "is not a user of <org>" for another organization's user, "No user" for a missing one.
  "groups.addMember oracle": "sweep: group membership (delegation / authz-path)",
  // operations.run on another organization's instance: the engine's refusal, or "not a Mission Control instance",
  // where a missing one is "No instance".
  "operations.run oracle": "sweep: instance existence before the organization boundary (authz-path)",
  // A customer's user asking for partner access to another organization: "Only users of a partner organization"
  // for a real one, "No organization" for a made-up one.
  "accessRequests.request oracle": "sweep: organization existence before the partner check (authz-path)",
};
