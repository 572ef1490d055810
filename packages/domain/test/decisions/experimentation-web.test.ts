// Decision table for Web Experimentation projects (spec section 3, platform web, seed 004): the seven roles,
// restricted roles limited to extensions (changeKind), editors who draft but never publish, and platform fail-closed.
import { describe } from "vitest";
import type { ResourceAttributes } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const w1 = path("acme", X, "e1", "w1");
const web = (extra: ResourceAttributes = {}) => res(w1, { platform: "web", ...extra });
const ext = web({ changeKind: "extension" });
const visual = web({ changeKind: "visual-editor" });
const code = web({ changeKind: "code-editor" });

const roles = {
  A: "administrator",
  O: "project-owner",
  P: "publisher",
  RP: "restricted-publisher",
  E: "editor",
  RE: "restricted-editor",
  V: "viewer",
} as const;

const w = world()
  .users("acme", ...Object.keys(roles), "RP-instance")
  .grant("RP-instance", `${X}:restricted-publisher`, path("acme", X, "e1"));
for (const [who, role] of Object.entries(roles))
  w.grant(who, `${X}:${role}`, role === "administrator" ? path("acme", X, "e1") : w1);

const all = Object.keys(roles);
const allowedTo = (allowed: ReadonlyArray<string>, action: string, on = web()) =>
  all.map((who) => [who, `${X}:${action}`, on, allowed.includes(who) ? "allow" : "deny"] as const);

describe("experimentation (web) decisions", () => {
  describe("the seed-004 table, role by role", () => {
    decisionTable(w.engine, [
      ...allowedTo(all, "experiment.view"),
      ...allowedTo(all, "page.view"),
      ...allowedTo(all, "account.view"),
      ...allowedTo(all, "results.view"),
      ...allowedTo(["A", "O", "P", "RP", "E", "RE"], "page.create"),
      ...allowedTo(["A", "O", "P", "RP", "E", "RE"], "event.create"),
      ...allowedTo(["A", "O", "P", "RP", "E", "RE"], "extension.create"),
      ...allowedTo(["A", "O", "P", "RP"], "experiment.start"),
      ...allowedTo(["A", "O", "P", "RP"], "experiment.publish"),
      ...allowedTo(["A", "O", "P", "RP"], "experiment.delete"),
      ...allowedTo(["A", "O", "P"], "page.edit"),
      ...allowedTo(["A", "O", "P"], "event.archive"),
      ...allowedTo(["A", "O", "P"], "extension.edit"),
      ...allowedTo(["A", "O", "P", "RP", "E"], "audience.create"),
      ...allowedTo(["A", "O", "P", "RP", "E"], "audience.edit"),
      ...allowedTo(["A", "O"], "results.reset"),
      ...allowedTo(["A", "O"], "collaborator.add"),
      ...allowedTo(["A", "O"], "snippet.edit"),
      ...allowedTo(["A", "O"], "project.create"),
      ...allowedTo(["A"], "account.cross-origin.edit"),
      ...allowedTo(["A"], "billing.view"),
      ...allowedTo(["A"], "billing.pay"),
    ]);
  });

  describe("restricted roles only with changeKind extension", () => {
    decisionTable(w.engine, [
      ...allowedTo(["A", "O", "P", "RP", "E", "RE"], "experiment.create", ext),
      ...allowedTo(["A", "O", "P", "E"], "experiment.create", visual),
      ...allowedTo(["A", "O", "P", "E"], "experiment.create", code),
      ...allowedTo(["A", "O", "P", "RP", "E", "RE"], "experiment.edit", ext),
      ...allowedTo(["A", "O", "P", "E"], "experiment.edit", code),
      // fail closed: a restricted role's experiment rights need changeKind
      ["RE", `${X}:experiment.create`, web(), "deny", "changeKind"],
      ["RP", `${X}:experiment.edit`, web(), "deny", "changeKind"],
      // unrestricted roles do not depend on changeKind
      ["E", `${X}:experiment.create`, web(), "allow"],
    ]);
  });

  describe("platform", () => {
    decisionTable(w.engine, [
      // experiment.create exists on both platforms: without platform nothing can be decided
      ["E", `${X}:experiment.create`, res(w1, { changeKind: "visual-editor" }), "deny", "platform"],
      ["A", `${X}:experiment.start`, res(w1), "deny", "platform"],
      // Feature-only actions do not exist on a Web project
      ["P", `${X}:flag.toggle`, web(), "deny"],
      ["A", `${X}:environment.create`, web(), "deny"],
      // a restricted role granted at the instance still reaches nothing on a Feature project
      ["RP-instance", `${X}:experiment.start`, web(), "allow"],
      [
        "RP-instance",
        `${X}:experiment.start`,
        res(path("acme", X, "e1", "p1", "development", "f"), {
          platform: "feature",
          production: false,
          flagStatus: "draft",
        }),
        "deny",
      ],
      ["RP-instance", `${X}:project.view`, res(path("acme", X, "e1", "p1"), { platform: "feature" }), "deny"],
    ]);
  });
});
