// The isolation sweep's walker is strict: an input naming another procedure (a meta-procedure such as `may`) is
// not built from its schema, so a meta-procedure that support/isolation/meta.ts does not list fails the sweep; and a
// /v1 route the app serves outside decision-routes.ts (which the sweep and the fuzz walk) and the streams the sweep
// reads (streams.ts), unless listed here with what covers it instead, fails here.
import { Engine } from "@gatehouse/domain";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { decisionRoutes } from "../../src/v1/decision-routes.ts";
import { type Assignment, buildInputs, CannotBuild } from "./support/isolation/inputs.ts";
import { metaProcedures } from "./support/isolation/meta.ts";
import { procedures } from "./support/isolation/procedures.ts";
import { streamRoutes } from "./support/isolation/streams.ts";

const assignment: Assignment = {
  place: { values: { org: "acme" }, depth: 1 },
  objects: {},
  customRoleInRoles: false,
  versionOf: () => 1,
};

/**
 * What the /v1 prefix serves besides the decision routes and the streams every actor reads (streams.ts), each with why the sweep does not call it and what covers
 * it instead: a /v1 route in neither list fails the walker.
 */
const outsideSweep: Readonly<Record<string, string>> = {
  "GET /v1/openapi.json": "the public OpenAPI document: no input, no actor",
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

  it("walks every /v1 route the app serves: each is a decision route, and each decision route is swept", () => {
    const app = createApp({ engine: () => new Engine(), appsDir: "/nonexistent" });
    const served = app.routes
      .filter((r) => r.path.startsWith("/v1") && r.method !== "ALL")
      .map((r) => `${r.method} ${r.path}`);
    // A route added to the app directly, not through decision-routes.ts, is neither swept, fuzzed nor documented.
    expect(served.sort()).toEqual(
      [...decisionRoutes.map((r) => `POST ${r.path}`), ...streamRoutes, ...Object.keys(outsideSweep)].sort(),
    );
    const swept = new Set(procedures().map((p) => p.path));
    for (const route of decisionRoutes) expect(swept.has(route.path), route.path).toBe(true);
    // Each is built from its schema like authz.check's input: a subject, an action and a resource.
    const check = procedures().find((p) => p.path === "/v1/check");
    if (check === undefined) throw new Error("no /v1/check in the sweep");
    const built = buildInputs(check, { ...assignment, objects: { user: "demo-admin" } });
    expect(built.uses.place).toBe(true);
    expect(built.inputs.length).toBeGreaterThan(0);
  });
});
