// Bulk loading (snapshot.batch) and the check index under churn: the same decisions as one-by-one loading,
// subjects removed mid-batch leave no trace, and many subjects (forcing the index to grow) stay exact.
import { describe, expect, it } from "vitest";
import { Engine, InvalidMembership, type Resource } from "../../src/index.ts";

const restart = "mission-control:site.restart";
const deploy = "mission-control:code.deploy";
const at = (instance: string): Resource => ({ org: "acme", product: "mission-control", instance });
const scope = (instance: string) => ({ org: "acme", product: "mission-control", instance });

describe("snapshot.batch", () => {
  it("answers exactly as loading grant by grant does", () => {
    const load = (engine: Engine) => {
      const snap = engine.snapshot;
      for (let u = 0; u < 50; u++) {
        snap.addUser(`u${u}`, "acme");
        snap.addGrant({
          id: `a${u}`,
          subject: `u${u}`,
          role: "mission-control:customerUser",
          scope: scope(`i${u % 5}`),
        });
        if (u % 3 === 0)
          snap.addGrant({
            id: `b${u}`,
            subject: `u${u}`,
            role: "mission-control:customerDev",
            scope: scope(`i${u % 7}`),
          });
      }
    };
    const one = new Engine();
    load(one);
    const bulk = new Engine();
    bulk.snapshot.batch(() => load(bulk));
    for (let u = 0; u < 50; u++)
      for (let i = 0; i < 7; i++)
        for (const action of [restart, deploy])
          expect(bulk.check(`u${u}`, action, at(`i${i}`))).toBe(one.check(`u${u}`, action, at(`i${i}`)));
  });

  it("forgets a subject removed inside the batch", () => {
    const engine = new Engine();
    const snap = engine.snapshot;
    snap.batch(() => {
      snap.addUser("gone", "acme");
      snap.addGrant({ id: "g", subject: "gone", role: "mission-control:customerDev", scope: scope("prod") });
      snap.removeSubject("gone");
      snap.addUser("kept", "acme");
      snap.addGrant({ id: "k", subject: "kept", role: "mission-control:customerUser", scope: scope("prod") });
    });
    expect(() => engine.check("gone", restart, at("prod"))).toThrow();
    expect(engine.check("kept", restart, at("prod"))).toBe("allow");
    expect(engine.check("kept", deploy, at("prod"))).toBe("deny");
  });
});

describe("check index", () => {
  it("stays exact through growth, removals and re-adds of thousands of subjects", () => {
    const engine = new Engine();
    const snap = engine.snapshot;
    for (let u = 0; u < 3000; u++) {
      snap.addUser(`user-${u}`, "acme");
      for (let g = 0; g < (u % 7) + 1; g++)
        snap.addGrant({
          id: `${u}-${g}`,
          subject: `user-${u}`,
          role: "mission-control:customerUser",
          scope: scope(`i${g}`),
        });
    }
    for (let u = 0; u < 3000; u += 2) snap.removeSubject(`user-${u}`);
    for (let u = 1; u < 3000; u += 2) snap.removeGrant(`${u}-0`);
    for (let u = 1; u < 3000; u += 2) {
      expect(engine.check(`user-${u}`, restart, at("i0"))).toBe("deny");
      expect(engine.check(`user-${u}`, restart, at(`i${u % 7}`))).toBe(u % 7 === 0 ? "deny" : "allow");
    }
    expect(() => engine.check("user-0", restart, at("i0"))).toThrow();
  });

  it("does not confuse a user with a group of the same name", () => {
    const engine = new Engine();
    const snap = engine.snapshot;
    snap.addGroup("ops", "acme");
    snap.addUser("ana", "acme");
    snap.addMember("ops", "ana");
    snap.addGrant({ id: "g", subject: "ops", role: "mission-control:customerUser", scope: scope("prod") });
    expect(engine.check("ana", restart, at("prod"))).toBe("allow");
    expect(() => engine.check("ops", restart, at("prod"))).toThrow();
  });

  it("refuses a membership that is not a user joining a group", () => {
    const snap = new Engine().snapshot;
    snap.addUser("ana", "acme");
    snap.addUser("bo", "acme");
    expect(() => snap.addMember("ana", "bo")).toThrow(InvalidMembership);
  });
});

describe("explain names what an allow relied on", () => {
  it("includes the extra permission a second experiment needed", () => {
    const engine = new Engine();
    const snap = engine.snapshot;
    const project = { org: "acme", product: "experimentation", instance: "exp", project: "p1" };
    snap.addUser("pat", "acme");
    snap.addGrant({ id: "role", subject: "pat", role: "experimentation:publisher", scope: project });
    snap.addGrant({
      id: "extra",
      subject: "pat",
      permission: "experimentation:flags_multiple_experiments",
      scope: project,
    });
    const why = engine.explain("pat", "experimentation:experiment.create", {
      ...project,
      environment: "development",
      flag: "f",
      attrs: { platform: "feature", production: false, flagHasExperiment: true, rulesetPublished: false },
    });
    expect(why.decision).toBe("allow");
    expect(why.deciding.map((g) => g.id).sort()).toEqual(["extra", "role"]);
  });
});
