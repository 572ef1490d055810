// Feature Experimentation's audience roles (spec section 3, "Granular roles"): the ladder an audience role is read on,
// where each project, environment and flag role sits on it, and whose audience rights each rung carries.
import { roleId } from "./define.ts";

const r = (name: string) => roleId("experimentation", name);

export interface AudienceRole {
  readonly id: "admin" | "publisher" | "editor" | "viewer" | "none";
  readonly label: string;
  /** The project role whose `audience.edit` / `audience.archive` rights (and conditions) this rung carries. */
  readonly rightsOf: string | undefined;
}

/** The audience roles, widest first. */
export const audienceRoles: ReadonlyArray<AudienceRole> = [
  { id: "admin", label: "Admin", rightsOf: r("administrator") },
  { id: "publisher", label: "Publisher", rightsOf: r("publisher") },
  { id: "editor", label: "Editor", rightsOf: r("editor") },
  { id: "viewer", label: "Viewer", rightsOf: r("viewer") },
  { id: "none", label: "No access", rightsOf: undefined },
];

/**
 * The rung of each Feature project, environment and flag role. flag-editor holds every flag action, so it caps
 * nothing below publisher; the project role caps too, so an editor stays an editor over a publisher environment.
 */
export const audienceRungOf: ReadonlyMap<string, AudienceRole["id"]> = new Map([
  [r("administrator"), "admin"],
  [r("project-owner"), "admin"],
  [r("publisher"), "publisher"],
  [r("editor"), "editor"],
  [r("viewer"), "viewer"],
  [r("env-admin"), "admin"],
  [r("env-publisher"), "publisher"],
  [r("env-editor"), "editor"],
  [r("env-viewer"), "viewer"],
  [r("flag-admin"), "admin"],
  [r("flag-editor"), "publisher"],
  [r("flag-viewer"), "viewer"],
  [r("flag-none"), "none"],
]);
