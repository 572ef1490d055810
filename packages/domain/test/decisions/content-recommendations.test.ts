// Decision table for Content Recommendations (spec section 3, content-recommendations): everyone views
// everything; admins create and edit their row, edit (never create) goals, master filters and answers; editors less.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const R = "content-recommendations";
const r1 = res(path("acme", R, "r1"));

const w = world()
  .users("acme", "admin", "editor", "viewer")
  .grant("admin", `${R}:admin`, path("acme", R, "r1"))
  .grant("editor", `${R}:editor`, path("acme", R, "r1"))
  .grant("viewer", `${R}:viewer`, path("acme", R, "r1"));

describe("content-recommendations decisions", () => {
  decisionTable(w.engine, [
    ["admin", `${R}:property.create`, r1, "allow"],
    ["admin", `${R}:source.edit`, r1, "allow"],
    ["admin", `${R}:ip-filter.create`, r1, "allow"],
    ["admin", `${R}:whitelist.edit`, r1, "allow"],
    ["admin", `${R}:delivery.create`, r1, "allow"],
    ["admin", `${R}:goal.edit`, r1, "allow"],
    ["admin", `${R}:master-filter.edit`, r1, "allow"],
    ["admin", `${R}:answer.edit`, r1, "allow"],
    ["admin", `${R}:goal.create`, r1, "deny"],
    ["admin", `${R}:master-filter.create`, r1, "deny"],
    ["admin", `${R}:answer.create`, r1, "deny"],
    ["editor", `${R}:content-list.create`, r1, "allow"],
    ["editor", `${R}:flow.edit`, r1, "allow"],
    ["editor", `${R}:section.create`, r1, "allow"],
    ["editor", `${R}:delivery.edit`, r1, "allow"],
    ["editor", `${R}:property.create`, r1, "deny"],
    ["editor", `${R}:ip-filter.edit`, r1, "deny"],
    ["editor", `${R}:goal.edit`, r1, "deny"],
    ["editor", `${R}:whitelist.view`, r1, "allow"],
    ["viewer", `${R}:goal.view`, r1, "allow"],
    ["viewer", `${R}:section.view`, r1, "allow"],
    ["viewer", `${R}:flow.edit`, r1, "deny"],
    ["viewer", `${R}:content-list.create`, r1, "deny"],
    ["viewer", `${R}:goal.view`, res(path("acme", R, "r2")), "deny"],
  ]);
});
