// Test support: decision tables in the Cerbos/OpenFGA style, one row per principal × action × resource.
// A row may also name the attribute whose absence made the deny (checked against `explain`).
import { expect, it } from "vitest";
import { type Engine, formatScope, type Resource } from "../../src/index.ts";
import { NOW } from "./world.ts";

export type Expected = "allow" | "deny";

/** principal, action, resource, expected decision, and (for fail-closed rows) the missing attribute(s) it may name. */
export type Row = readonly [
  principal: string,
  action: string,
  resource: Resource,
  expected: Expected,
  missing?: string | ReadonlyArray<string>,
];

const describeResource = (r: Resource): string => {
  const attrs = r.attrs === undefined ? "" : ` ${JSON.stringify(r.attrs)}`;
  return `${formatScope(r)}${attrs}`;
};

/** One `it` per row: `check` must answer the expected decision, and `explain` must agree with it. */
export const decisionTable = (engine: Engine, rows: ReadonlyArray<Row>): void => {
  for (const [principal, action, resource, expected, missing] of rows) {
    const note = missing === undefined ? "" : ` (fails closed: ${[missing].flat().join(" or ")} missing)`;
    it(`${principal} · ${action} · ${describeResource(resource)} → ${expected}${note}`, () => {
      expect(engine.check(principal, action, resource, NOW)).toBe(expected);
      const why = engine.explain(principal, action, resource, NOW);
      expect(why.decision).toBe(expected);
      if (missing !== undefined) expect([missing].flat()).toContain(why.missingAttribute);
    });
  }
};
