// Every case of the public conformance file, answered through the runner and compared with its expectation.
// The cases are a copy of shared/conformance/public.jsonl, so the suite is self-contained.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerCase, runLines } from "../src/index.ts";

const file = new URL("../cases/public.jsonl", import.meta.url);
const lines = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const cases = lines.map((l) => JSON.parse(l) as { id: string; expect: string });

describe("public conformance cases", () => {
  it("has cases to answer", () => {
    expect(cases.length).toBeGreaterThan(900);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(answerCase(c).decision).toBe(c.expect);
  });
});

describe("runner contract", () => {
  it("prints one answer per case and a closing summary under --check", () => {
    const out: string[] = [];
    const result = runLines(lines.slice(0, 3).join("\n"), true, (l) => out.push(l));
    expect(out.filter((l) => l.startsWith("{"))).toHaveLength(3);
    expect(out.at(-1)).toBe(`${result.passed} passed, ${result.failed} failed`);
  });

  it("answers an unparseable case with decision error instead of skipping it", () => {
    const answer = answerCase({ id: "broken", kind: "check", subject: { org: "acme" } });
    expect(answer).toMatchObject({ id: "broken", decision: "error" });
  });

  it("answers an unknown action with decision error, never a silent deny", () => {
    const c = { ...cases[0], id: "unknown-action", action: "mission-control:site.explode" };
    expect(answerCase(c).decision).toBe("error");
  });

  it("reports a mismatch and counts it as failed", () => {
    const flipped = { ...cases[0], expect: cases[0]?.expect === "allow" ? "deny" : "allow" };
    const out: string[] = [];
    const result = runLines(JSON.stringify(flipped), true, (l) => out.push(l));
    expect(result).toEqual({ passed: 0, failed: 1 });
    expect(out.some((l) => l.startsWith("MISMATCH"))).toBe(true);
  });
});
