// The /v1 decision routes' JSON text (decision-json.ts) is exactly JSON.stringify's for every answer shape and size,
// and each route serves its answers through it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decisionJson, decisionsJson, resultsJson } from "../src/v1/decision-json.ts";
import { decisionRoutes } from "../src/v1/decision-routes.ts";

const decision = fc.constantFrom("allow" as const, "deny" as const);
const decisions = fc.array(decision, { maxLength: 40 });

describe("the decision routes' JSON text", () => {
  it("equals JSON.stringify of the answer", () => {
    fc.assert(
      fc.property(
        decision,
        decisions,
        fc.array(fc.record({ decisions }), { maxLength: 12 }),
        (d, ds, results) => {
          expect(decisionJson({ decision: d })).toBe(JSON.stringify({ decision: d }));
          expect(decisionsJson({ decisions: ds })).toBe(JSON.stringify({ decisions: ds }));
          expect(resultsJson({ results })).toBe(JSON.stringify({ results }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is what each route answers with", () => {
    const byPath = Object.fromEntries(decisionRoutes.map((r) => [r.path, r.json]));
    expect(byPath).toEqual({
      "/v1/check": decisionJson,
      "/v1/check-many": decisionsJson,
      "/v1/check-table": decisionsJson,
      "/v1/check-resources": resultsJson,
    });
  });
});
