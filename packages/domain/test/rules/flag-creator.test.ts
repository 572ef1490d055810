// The grant that makes a flag's creator its flag-admin (spec section 3, "Granular roles"): written for a
// collaborator whose project role does not make it the flag's admin already.
import { describe, expect, it } from "vitest";
import { type Allows, flagCreatorGrant, type Scope } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const flagAt = (flag: string): Scope => ({ ...p1, flag });
const flag = (id: string) => res(flagAt(id), { platform: "feature", flagStatus: "draft" });

const w = world().users("acme", "admin", "owner", "publisher", "editor", "viewer+env-editor");
w.grant("admin", `${X}:administrator`, path("acme", X, "e1"))
  .grant("owner", `${X}:project-owner`, p1)
  .grant("publisher", `${X}:publisher`, p1)
  .grant("editor", `${X}:editor`, p1)
  .grant("viewer+env-editor", `${X}:viewer`, p1)
  .grant("viewer+env-editor", `${X}:env-editor`, path("acme", X, "e1", "p1", "development"));

const asks =
  (subject: string): Allows =>
  (action, resource) =>
    w.engine.allows(subject, action, resource);

describe("flagCreatorGrant", () => {
  it("makes a publisher, an editor or a viewer with an environment role the new flag's flag-admin", () => {
    for (const subject of ["publisher", "editor", "viewer+env-editor"])
      expect(flagCreatorGrant(asks(subject), flag("new")), subject).toEqual({
        role: `${X}:flag-admin`,
        scope: flagAt("new"),
      });
  });

  it("gives an administrator or a project owner nothing: flag-admin of every flag already", () => {
    for (const subject of ["admin", "owner"])
      expect(flagCreatorGrant(asks(subject), flag("new")), subject).toBeUndefined();
  });

  it("the grant it answers makes the creator able to manage the flag's permissions", () => {
    const grant = flagCreatorGrant(asks("editor"), flag("made"));
    if (grant === undefined) throw new Error("an editor gets a grant");
    w.grant("editor", grant.role, grant.scope);
    expect(w.engine.allows("editor", `${X}:flag.permissions.manage`, flag("made"))).toBe(true);
    expect(w.engine.allows("editor", `${X}:flag.permissions.manage`, flag("other"))).toBe(false);
  });
});
