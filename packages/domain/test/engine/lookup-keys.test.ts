// Subject and action ids are looked up in null-prototype records (check-index.ts, compiled-catalog.ts): an id that
// names an object property (`__proto__`, `constructor`) or reads as a number is one id like any other.
import { describe, expect, it } from "vitest";
import { UnknownAction, UnknownSubject } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const s1 = path("acme", "cms", "s1");
const ODD_IDS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "0",
  "42",
  "4294967295",
  "-1",
  "1e3",
];

describe("ids that name object properties or read as numbers", () => {
  it("are unknown subjects and actions until added, then found like any other", () => {
    const w = world().user("plain", "acme");
    for (const id of ODD_IDS) {
      expect(() => w.engine.check(id, "cms:edit-view.access", res(s1), NOW)).toThrow(UnknownSubject);
      expect(() => w.engine.check("plain", id, res(s1), NOW)).toThrow(UnknownAction);
    }
    for (const id of ODD_IDS) w.user(id, "acme");
    ODD_IDS.forEach((id, i) => {
      if (i % 2 === 0) w.grant(id, "cms:content-editors", s1);
    });
    ODD_IDS.forEach((id, i) => {
      expect(w.engine.check(id, "cms:edit-view.access", res(s1), NOW)).toBe(i % 2 === 0 ? "allow" : "deny");
    });
    expect(w.engine.check("plain", "cms:edit-view.access", res(s1), NOW)).toBe("deny");
  });

  it("are forgotten when removed, and the ids left keep their answers", () => {
    const w = world();
    for (const id of ODD_IDS) w.user(id, "acme").grant(id, "cms:content-editors", s1);
    const [gone, ...kept] = ODD_IDS;
    w.snapshot.removeSubject(gone as string);
    expect(() => w.engine.check(gone as string, "cms:edit-view.access", res(s1), NOW)).toThrow(
      UnknownSubject,
    );
    for (const id of kept) expect(w.engine.check(id, "cms:edit-view.access", res(s1), NOW)).toBe("allow");
  });
});
