// The change stream's invalidation table: which routers' reads each event reaches, read from the events the
// API sends (`{ audit, changes }`): every change reaches the answers built from stored records, the rest only
// what it may alter.
import { describe, expect, it } from "vitest";
import {
  affectedBy,
  type ChangeType,
  type RouterName,
  routersAffectedBy,
  withStoredDecisions,
} from "../src/invalidation.ts";

const event = (...changes: ReadonlyArray<{ readonly type: string }>) =>
  JSON.stringify({ audit: "7", changes });
const sorted = (routers: ReadonlySet<RouterName>) => [...routers].sort();

/** The decisions built from stored records too, the engine's own checks, and the stored records. */
const storedDecisions: ReadonlyArray<RouterName> = ["assignable", "may", "whatIf"];
const decisions: ReadonlyArray<RouterName> = [...storedDecisions, "authz"];
const records = (
  "accessRequests apiKeys audiences audit environments flags grants groups instances invitations missionControl " +
  "operations organizations outbox projects roles users"
).split(" ") as ReadonlyArray<RouterName>;
/** The session: who is signed in, with the engine's answers about it (landing, sections, next lapse). */
const session: ReadonlyArray<RouterName> = ["auth"];
const everyRead = [...decisions, ...records, ...session].sort();

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
    ["user.added", [...storedDecisions, "audit", "groups", "users"]],
    ["group.added", [...storedDecisions, "audit", "groups"]],
  ])("%s reaches %j", (type, routers) => {
    expect(sorted(routersAffectedBy(event({ type })))).toEqual([...routers].sort());
  });

  it("an event without engine changes (a flag's status, an environment marked production) reaches every record and may", () => {
    // The server builds may's questions from the stored records, so their answers change with them; the engine's
    // own checks follow from the refreshed records' attributes (a new question), so they are kept.
    const routers = routersAffectedBy(event());
    expect(sorted(routers)).toEqual([...records, ...storedDecisions].sort());
    expect(routers.has("authz")).toBe(false);
  });

  it("every event reaches the decisions built from stored records", () => {
    for (const type of [...Object.keys(affectedBy), "unknown"])
      for (const decision of storedDecisions)
        expect(routersAffectedBy(event({ type })).has(decision)).toBe(true);
    for (const decision of storedDecisions) expect(routersAffectedBy(event()).has(decision)).toBe(true);
  });

  it("a mutation's refresh of record routers refreshes may, assignable and whatIf with them", () => {
    expect(sorted(withStoredDecisions(["flags"]))).toEqual([...storedDecisions, "flags"].sort());
  });

  it("reaches the session (its sections and landing) on a change the engine applies, not on a new person or records alone", () => {
    const engineChanges = Object.keys(affectedBy).filter(
      (type) => !["user.added", "group.added"].includes(type),
    );
    for (const type of engineChanges) expect(routersAffectedBy(event({ type })).has("auth")).toBe(true);
    for (const type of ["user.added", "group.added"])
      expect(routersAffectedBy(event({ type })).has("auth")).toBe(false);
    expect(routersAffectedBy(event()).has("auth")).toBe(false);
  });

  it("an event of several changes reaches the union of theirs", () => {
    expect(sorted(routersAffectedBy(event({ type: "group.added" }, { type: "user.added" })))).toEqual(
      [...storedDecisions, "audit", "groups", "users"].sort(),
    );
  });

  it("an unknown change type, or an event that cannot be read, reaches every read", () => {
    expect(sorted(routersAffectedBy(event({ type: "flag.set" })))).toEqual(everyRead);
    expect(sorted(routersAffectedBy("not json"))).toEqual(everyRead);
    expect(sorted(routersAffectedBy(JSON.stringify({ audit: "7" })))).toEqual(everyRead);
  });
});
