// The isolation sweep's walker is strict: an input naming another procedure (a meta-procedure such as `may`) is
// not built from its schema, so a meta-procedure that support/isolation/meta.ts does not list fails the sweep.
import { describe, expect, it } from "vitest";
import { type Assignment, buildInputs, CannotBuild } from "./support/isolation/inputs.ts";
import { metaProcedures } from "./support/isolation/meta.ts";
import { procedures } from "./support/isolation/procedures.ts";

const assignment: Assignment = {
  place: { values: { org: "acme" }, depth: 1 },
  objects: {},
  customRoleInRoles: false,
  versionOf: () => 1,
};

describe("isolation sweep walker", () => {
  it("cannot build an unlisted procedure with may's input, and may is listed", () => {
    const may = procedures().find((p) => p.path === "may");
    if (may === undefined) throw new Error("the router has no may");
    const unlisted = { ...may, path: "mayAlso" };
    expect(() => buildInputs(unlisted, assignment)).toThrow(CannotBuild);
    expect(() => buildInputs(unlisted, assignment)).toThrow(/mayAlso: ".procedure" names another procedure/);
    expect(metaProcedures.has("may")).toBe(true);
  });
});
