// The audience-role cases (cases/audiences.jsonl): `audience.*` on Feature audiences described by their uses
// (`attrs.usedBy`), answered through the runner and compared with their expectation.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerCase } from "../src/index.ts";

const file = new URL("../cases/audiences.jsonl", import.meta.url);
const cases = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { id: string; expect: string });

describe("audience conformance cases", () => {
  it("has cases to answer, allowed and refused", () => {
    expect(new Set(cases.map((c) => c.expect))).toEqual(new Set(["allow", "deny"]));
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(answerCase(c).decision).toBe(c.expect);
  });
});
