// Who manages an environment's or a flag's roles (spec section 3, "env-admin also manages the environment's
// permissions", "flag-admin also manages the flag's permissions"), as a table of reader × entity → manages.
import { describe, expect, it } from "vitest";
import { type Allows, entityRoles, managesEntityRoles, type Resource } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const production = res({ ...p1, environment: "production" }, { platform: "feature", production: true });
const development = res({ ...p1, environment: "development" }, { platform: "feature", production: false });
const newCart = res({ ...p1, flag: "new-cart" }, { platform: "feature", flagStatus: "draft" });
const darkMode = res({ ...p1, flag: "dark-mode" }, { platform: "feature", flagStatus: "draft" });

const w = world().users("acme", "admin", "owner", "editor", "env-admin", "flag-admin", "env-publisher");
w.grant("admin", `${X}:administrator`, path("acme", X, "e1"))
  .grant("owner", `${X}:project-owner`, p1)
  .grant("editor", `${X}:editor`, p1)
  .grant("env-admin", `${X}:editor`, p1)
  .grant("env-admin", `${X}:env-admin`, path("acme", X, "e1", "p1", "production"))
  .grant("env-publisher", `${X}:editor`, p1)
  .grant("env-publisher", `${X}:env-publisher`, path("acme", X, "e1", "p1", "production"))
  .grant("flag-admin", `${X}:editor`, p1)
  .grant("flag-admin", `${X}:flag-admin`, { ...p1, flag: "new-cart" });

const asks =
  (subject: string): Allows =>
  (action, resource) =>
    w.engine.allows(subject, action, resource);

const entities: ReadonlyArray<readonly [string, "environment" | "flag", Resource]> = [
  ["production", "environment", production],
  ["development", "environment", development],
  ["new cart", "flag", newCart],
  ["dark mode", "flag", darkMode],
];

/** reader → the entities whose roles it manages. */
const table: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["admin", ["production", "development", "new cart", "dark mode"]],
  ["owner", ["production", "development", "new cart", "dark mode"]],
  ["env-admin", ["production"]],
  ["flag-admin", ["new cart"]],
  ["env-publisher", []],
  ["editor", []],
];

describe("managesEntityRoles", () => {
  it.each(table)("%s manages the roles of %j", (reader, managed) => {
    const answers = entities
      .filter(([, kind, resource]) => managesEntityRoles(asks(reader), kind, resource))
      .map(([name]) => name);
    expect(answers).toEqual(managed);
  });

  it("names the environment roles at an environment and the flag roles at a flag, widest first", () => {
    expect(entityRoles.environment).toEqual(
      ["env-admin", "env-publisher", "env-editor", "env-viewer"].map((r) => `${X}:${r}`),
    );
    expect(entityRoles.flag).toEqual(
      ["flag-admin", "flag-editor", "flag-viewer", "flag-none"].map((r) => `${X}:${r}`),
    );
  });
});
