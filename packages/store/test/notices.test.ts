// Change notices without a database: payloads stay under PostgreSQL's NOTIFY limit, and applying the same
// changes twice (a change heard again after a fresh load) leaves the engine deciding the same way.

import { applyChange, Engine } from "@gatehouse/domain";
import { describe, expect, it } from "vitest";
import type { Change, ChangeNotice } from "../src/changes.ts";
import { noticePayloads } from "../src/notice.ts";

const scope = { org: "acme", product: "mission-control" };
const world: ReadonlyArray<Change> = [
  { type: "org.set", org: "acme", kind: "customer", products: ["mission-control"] },
  { type: "user.added", user: "ana", org: "acme" },
  { type: "group.added", group: "ops", org: "acme" },
  { type: "member.added", group: "ops", user: "ana" },
  { type: "grant.added", grant: { id: "g1", subject: "ops", role: "mission-control:customerUser", scope } },
];
const restart = "mission-control:site.restart";

describe("change notices", () => {
  it("split many changes into ordered notices under 8000 bytes, and mark an oversized change resync", () => {
    const many: Array<Change> = Array.from({ length: 300 }, (_, i) => ({
      type: "grant.removed",
      grant: `grant-${i}`,
    }));
    const huge: Change = {
      type: "role.set",
      role: "cms:custom_x",
      product: "cms",
      label: "x".repeat(9000),
      permissions: [],
    };
    const payloads = noticePayloads("42", [...many, huge]);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    const notices = payloads.map((p) => JSON.parse(p) as ChangeNotice);
    expect(notices.map((n) => [n.audit, n.part, n.parts])).toEqual(
      notices.map((_, i) => ["42", i + 1, payloads.length]),
    );
    const changes = notices.flatMap((n) => n.changes);
    expect(changes.slice(0, 300)).toEqual(many);
    expect(changes[300]).toEqual({ type: "resync" });
    expect(noticePayloads("7", [])).toEqual(['{"audit":"7","part":1,"parts":1,"changes":[]}']);
  });

  it("apply idempotently, and report resync to the caller", () => {
    const engine = new Engine();
    for (const change of [...world, ...world]) expect(applyChange(engine, change)).toBe(true);
    expect(engine.check("ana", restart, scope)).toBe("allow");
    const removal: ReadonlyArray<Change> = [
      { type: "member.removed", group: "ops", user: "ana" },
      { type: "grant.removed", grant: "g1" },
      { type: "role.removed", role: "cms:custom_unknown" },
    ];
    for (const change of [...removal, ...removal]) applyChange(engine, change);
    expect(engine.check("ana", restart, scope)).toBe("deny");
    expect(applyChange(engine, { type: "resync" })).toBe(false);
  });
});
