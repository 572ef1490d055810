// What the change stream tells one organization's decision point of each notice (v1/org-changes.ts), as a table:
// its own changes as data, another organization's as a bare position, a change about a partner it holds as a reload.
import type { Change } from "@gatehouse/domain";
import type { FeedEvent } from "@gatehouse/store";
import { describe, expect, it } from "vitest";
import { type KnownPartners, orgStreamItem } from "../src/v1/org-changes.ts";

const known = (): KnownPartners => ({
  subjects: new Set(["demo-partneruser", "grp-agency"]),
  orgs: new Set(["agency"]),
});
const event = (org: string | null, ...changes: ReadonlyArray<Change>): FeedEvent => ({
  audit: "42",
  org,
  part: 1,
  parts: 1,
  changes,
  seq: 1,
});
const own = new Set(["demo-admin", "demo-customeruser"]);
const isOwn = (subject: string) => own.has(subject);
const grant = (org: string, subject: string): Change => ({
  type: "grant.added",
  grant: { id: `g-${org}-${subject}`, subject, scope: { org, product: "cms" }, role: "cms:content-editors" },
});

describe("a notice for acme's decision point", () => {
  const table: ReadonlyArray<readonly [string, FeedEvent, "change" | "position" | "reload"]> = [
    ["acme's grant", event("acme", grant("acme", "demo-customeruser")), "change"],
    ["a grant in acme given by the platform", event(null, grant("acme", "demo-partneruser")), "change"],
    ["globex's grant", event("globex", grant("globex", "globex-admin")), "position"],
    [
      "acme's settings",
      event("acme", { type: "org.set", org: "acme", kind: "customer", products: ["cms"] }),
      "change",
    ],
    [
      "globex's settings",
      event(null, { type: "org.set", org: "globex", kind: "customer", products: [] }),
      "position",
    ],
    [
      "the partner's settings",
      event(null, { type: "org.set", org: "agency", kind: "partner", products: [] }),
      "reload",
    ],
    ["globex's new user", event("globex", { type: "user.added", user: "u", org: "globex" }), "position"],
    [
      "acme's user deactivated",
      event("acme", { type: "user.deactivated", user: "demo-customeruser" }),
      "change",
    ],
    [
      "a partner user deactivated by its organization",
      event("agency", { type: "user.deactivated", user: "demo-partneruser" }),
      "reload",
    ],
    [
      "another partner user deactivated",
      event("agency", { type: "user.deactivated", user: "demo-other" }),
      "position",
    ],
    [
      "a partner user removed",
      event("agency", { type: "subject.removed", subject: "demo-partneruser" }),
      "reload",
    ],
    [
      "a member added to a partner group holding grants",
      event("agency", { type: "member.added", group: "grp-agency", user: "x" }),
      "reload",
    ],
    ["a grant removed by the partner", event("agency", { type: "grant.removed", grant: "g1" }), "reload"],
    ["a grant removed by globex", event("globex", { type: "grant.removed", grant: "g1" }), "position"],
    [
      "globex's custom role",
      event("globex", {
        type: "role.set",
        role: "r",
        product: "cms",
        org: "globex",
        label: "R",
        permissions: [],
      }),
      "position",
    ],
    ["globex's role removed", event("globex", { type: "role.removed", role: "r" }), "position"],
    ["a resync", event("globex", { type: "resync" }), "reload"],
    ["an audit row without changes", event("globex"), "position"],
  ];
  for (const [what, notice, kind] of table)
    it(`${what}: ${kind}`, () => {
      expect(orgStreamItem("acme", known(), isOwn, notice).kind).toBe(kind);
    });

  it("sends only acme's part of a mixed notice, and learns a partner given a grant here", () => {
    const partners = known();
    const item = orgStreamItem(
      "acme",
      partners,
      isOwn,
      event("acme", grant("acme", "demo-newpartner"), grant("globex", "globex-admin")),
    );
    expect(item).toEqual({ kind: "change", changes: [grant("acme", "demo-newpartner")] });
    expect(partners.subjects.has("demo-newpartner")).toBe(true);
    expect(
      orgStreamItem(
        "acme",
        partners,
        isOwn,
        event("agency", { type: "user.deactivated", user: "demo-newpartner" }),
      ).kind,
    ).toBe("reload");
  });
});
