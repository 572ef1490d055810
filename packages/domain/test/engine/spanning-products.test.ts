// Which products administer the others is the catalog's declaration (ProductDef.adminLevels), asked through
// spansProducts / spanningProducts by the API (where to invite, which roles to offer, an audit reach).
import { describe, expect, it } from "vitest";
import { spanningProducts, spansProducts } from "../../src/index.ts";

describe("spansProducts", () => {
  it.each([
    ["admin-center", true],
    ["mission-control", false],
    ["experimentation", false],
    ["made-up", false],
  ] as const)("%s → %s", (product, spans) => {
    expect(spansProducts(product)).toBe(spans);
  });

  it("spanningProducts are the products declaring admin levels: the Admin Center alone", () => {
    expect(spanningProducts.map((p) => p.id)).toEqual(["admin-center"]);
  });
});
