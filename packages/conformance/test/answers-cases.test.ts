// The answers cases (cases/answers.jsonl): assignments no actor could make answer `invalid`, grants no actor could
// have made count for nothing (deny, landing none), each with its reason; no well-formed case answers `error`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerCase } from "../src/index.ts";

interface AnswersCase {
  readonly id: string;
  readonly kind: string;
  readonly expect: string;
  /** A phrase the answer's reason must contain. */
  readonly reason?: string;
}

const cases = readFileSync(new URL("../cases/answers.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as AnswersCase);

describe("answers conformance cases", () => {
  it("has cases of every kind, invalid assignments among them", () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(["check", "assign", "landing"]));
    expect(cases.filter((c) => c.expect === "invalid").length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const answer = answerCase(c);
    expect(answer.decision).toBe(c.expect);
    if (c.reason !== undefined) expect(answer.reason).toContain(c.reason);
    if (c.kind === "assign" || c.expect === "deny") expect(answer.reason?.length).toBeGreaterThan(0);
  });
});

describe("what stays an error", () => {
  const [custom] = cases.filter((c) => c.id === "answers-custom-cms-allowed");

  it("a custom role naming an unknown action", () => {
    const c = {
      ...custom,
      customRoles: [{ id: "custom:acme/writers", product: "cms", permissions: ["cms:x.y"] }],
    };
    expect(answerCase(c)).toMatchObject({ decision: "error", message: 'Unknown action "cms:x.y"' });
  });

  it("a custom role of an unknown product", () => {
    const c = {
      ...custom,
      customRoles: [{ id: "custom:acme/writers", product: "teleport", permissions: [] }],
    };
    expect(answerCase(c).decision).toBe("error");
  });

  it("an unknown role in an assignment", () => {
    const c = { ...custom, customRoles: [] };
    expect(answerCase(c)).toMatchObject({ decision: "error", message: 'Unknown role "custom:acme/writers"' });
  });
});
