// The change stream's invalidation table: which routers' reads each event reaches, read from the events the
// API sends (`{ audit, changes }`): every change reaches the permission answers, records only what it may alter.
import { describe, expect, it } from "vitest";
import {
  affectedBy,
  type ChangeType,
  type RouterName,
  routersAffectedBy,
  withDecisions,
} from "../src/invalidation.ts";

const event = (...changes: ReadonlyArray<{ readonly type: string }>) =>
  JSON.stringify({ audit: "7", changes });
const sorted = (routers: ReadonlySet<RouterName>) => [...routers].sort();

/** The engine's decisions, and the stored records (every router but the session and the catalog). */
const decisions: ReadonlyArray<RouterName> = ["assignable", "authz", "may", "whatIf"];
const records = (
  "accessRequests apiKeys audiences audit environments flags grants groups instances invitations missionControl " +
  "operations organizations outbox projects roles users"
).split(" ") as ReadonlyArray<RouterName>;
const everyRead = [...decisions, ...records].sort();

describe("routersAffectedBy", () => {
  it.each<[ChangeType, ReadonlyArray<RouterName>]>([
    ["grant.added", everyRead],
    ["grant.removed", everyRead],
    ["member.added", everyRead],
    ["member.removed", everyRead],
    ["subject.removed", everyRead],
    ["role.set", everyRead],
    ["role.removed", everyRead],
    ["org.set", everyRead],
    ["resync", everyRead],
    ["changed", everyRead],
    ["user.added", [...decisions, "audit", "groups", "users"]],
    ["group.added", [...decisions, "audit", "groups"]],
  ])("%s reaches %j", (type, routers) => {
    expect(sorted(routersAffectedBy(event({ type })))).toEqual([...routers].sort());
  });

  it("an event without engine changes (a flag's status, an environment marked production) reaches every read", () => {
    // The server builds each question's resource from the stored records, so their permission answers change too.
    expect(sorted(routersAffectedBy(event()))).toEqual(everyRead);
  });

  it("every event reaches every permission answer", () => {
    for (const type of [...Object.keys(affectedBy), "unknown"])
      for (const decision of decisions) expect(routersAffectedBy(event({ type })).has(decision)).toBe(true);
  });

  it("a mutation's refresh of record routers refreshes the decisions with them", () => {
    expect(sorted(withDecisions(["flags"]))).toEqual([...decisions, "flags"].sort());
  });

  it("never reaches the session, so a change does not ask who is signed in", () => {
    for (const type of Object.keys(affectedBy) as ChangeType[])
      expect(routersAffectedBy(event({ type })).has("auth")).toBe(false);
  });

  it("an event of several changes reaches the union of theirs", () => {
    expect(sorted(routersAffectedBy(event({ type: "group.added" }, { type: "user.added" })))).toEqual(
      [...decisions, "audit", "groups", "users"].sort(),
    );
  });

  it("an unknown change type, or an event that cannot be read, reaches every read", () => {
    expect(sorted(routersAffectedBy(event({ type: "flag.set" })))).toEqual(everyRead);
    expect(sorted(routersAffectedBy("not json"))).toEqual(everyRead);
    expect(sorted(routersAffectedBy(JSON.stringify({ audit: "7" })))).toEqual(everyRead);
  });
});
