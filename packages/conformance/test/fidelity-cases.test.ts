// The fidelity cases (issue 13): flag roles at the flag scope {…project, flag}, one per flag in every environment,
// answered through the runner; and a world that stores a flag role per environment, read as migration 14 reads it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerCase } from "../src/index.ts";

const file = new URL("../cases/fidelity.jsonl", import.meta.url);
const cases = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { id: string; source: string; expect: string });

describe("fidelity conformance cases", () => {
  it("has cases from seed 003 to answer", () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(["003_377ca983540ea55d.txt"]));
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(answerCase(c).decision).toBe(c.expect);
  });
});

describe("a flag role stored per environment", () => {
  const X = "experimentation";
  const p1 = { org: "acme", product: X, instance: "exp", project: "p1" };
  const at = (environment: string) => ({ ...p1, environment, flag: "checkout" });
  const toggle = (grants: ReadonlyArray<object>, environment: string) =>
    answerCase({
      id: "stored",
      kind: "check",
      subject: { org: "acme", grants: [{ role: `${X}:editor`, scope: p1 }, ...grants] },
      action: `${X}:flag.toggle`,
      resource: {
        ...at(environment),
        attrs: { platform: "feature", production: false, flagStatus: "draft" },
      },
    }).decision;

  it("is the flag's role in every environment, a new one included", () => {
    const none = [{ role: `${X}:flag-none`, scope: at("production") }];
    expect(toggle(none, "development")).toBe("deny");
    expect(toggle(none, "staging")).toBe("deny");
    expect(toggle([], "staging")).toBe("allow");
  });

  it("keeps the most restrictive where environments disagreed", () => {
    const disagreeing = [
      { role: `${X}:flag-admin`, scope: at("development") },
      { role: `${X}:flag-viewer`, scope: at("production") },
    ];
    expect(toggle(disagreeing, "development")).toBe("deny");
    const agreeing = [
      { role: `${X}:flag-editor`, scope: at("development") },
      { role: `${X}:flag-editor`, scope: at("production") },
    ];
    expect(toggle(agreeing, "development")).toBe("allow");
  });
});
