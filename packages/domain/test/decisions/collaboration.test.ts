// Decision table for Collaboration (spec section 3, collaboration): admins see everything; creators and guests
// view and edit only what is shared with them (sharedWithSubject), failing closed when that attribute is missing.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const C = "collaboration";
const c1 = path("acme", C, "c1");
const shared = res(c1, { sharedWithSubject: true });
const notShared = res(c1, { sharedWithSubject: false });
const unknown = res(c1);

const w = world()
  .users("acme", "admin", "creator", "guest")
  .grant("admin", `${C}:admin`, c1)
  .grant("creator", `${C}:experimentation-creator`, c1)
  .grant("guest", `${C}:guest`, c1);

describe("collaboration decisions", () => {
  decisionTable(w.engine, [
    ["admin", `${C}:plan.access`, unknown, "allow"],
    ["admin", `${C}:hypothesis.view`, unknown, "allow"],
    ["admin", `${C}:hypothesis.edit`, notShared, "allow"],
    ["admin", `${C}:work-request.edit`, notShared, "allow"],
    ["creator", `${C}:plan.access`, unknown, "allow"],
    ["creator", `${C}:work-request.access`, unknown, "allow"],
    ["creator", `${C}:hypothesis.create`, unknown, "allow"],
    ["creator", `${C}:work-request.create`, unknown, "allow"],
    ["creator", `${C}:hypothesis.view`, shared, "allow"],
    ["creator", `${C}:hypothesis.edit`, shared, "allow"],
    ["creator", `${C}:work-request.view`, shared, "allow"],
    ["creator", `${C}:hypothesis.view`, notShared, "deny"],
    ["creator", `${C}:work-request.edit`, notShared, "deny"],
    ["creator", `${C}:hypothesis.view`, unknown, "deny", "sharedWithSubject"],
    ["guest", `${C}:work-request.access`, unknown, "allow"],
    ["guest", `${C}:work-request.create`, unknown, "allow"],
    ["guest", `${C}:work-request.view`, shared, "allow"],
    ["guest", `${C}:hypothesis.edit`, shared, "allow"],
    ["guest", `${C}:work-request.view`, notShared, "deny"],
    ["guest", `${C}:work-request.edit`, unknown, "deny", "sharedWithSubject"],
    ["guest", `${C}:plan.access`, unknown, "deny"],
    ["guest", `${C}:hypothesis.create`, unknown, "deny"],
  ]);
});
