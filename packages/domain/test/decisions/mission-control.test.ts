// Decision table for Mission Control (spec section 3, mission-control): User vs Dev/Admin roles per action,
// scopes per environment instance, and partner users reaching a customer only when the partner enabled it.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const M = "mission-control";
const acmeMc = path("acme", M);
const sandbox = res(path("acme", M, "sandbox"), { production: false });
const production = res(path("acme", M, "production"), { production: true });

const w = world()
  .org("acme", "customer")
  .org("agency", "partner", [M])
  .org("agency-off", "partner", ["cms"])
  .org("initech", "customer", ["cms"])
  .users("acme", "customerUser", "customerDev", "customerAdmin")
  .users("agency", "partnerUser", "partnerDev", "agency-home-admin")
  .user("off-partner", "agency-off")
  .user("initech-admin", "initech")
  .grant("customerUser", `${M}:customerUser`, acmeMc)
  .grant("customerDev", `${M}:customerDev`, path("acme", M, "sandbox"))
  .grant("customerAdmin", `${M}:customerAdmin`, acmeMc)
  // partner users holding roles in the customer organization
  .grant("partnerUser", `${M}:partnerUser`, path("acme", M, "production"))
  .grant("partnerDev", `${M}:partnerDev`, acmeMc)
  .grant("off-partner", `${M}:partnerAdmin`, acmeMc)
  // roles held in the partner's home organization
  .grant("agency-home-admin", `${M}:partnerAdmin`, path("agency", M))
  .grant("initech-admin", `${M}:customerAdmin`, path("initech", M));

const userOnly = ["site.view", "site.restart", "database.backup"];
const devOnly = [
  "database.credentials",
  "database.sync",
  "userfiles.sync",
  "code.deploy",
  "extension.deploy",
];

describe("mission-control decisions", () => {
  decisionTable(w.engine, [
    // User roles: view, restart, back up; nothing destructive
    ...userOnly.map((a) => ["customerUser", `${M}:${a}`, production, "allow"] as const),
    ...devOnly.map((a) => ["customerUser", `${M}:${a}`, production, "deny"] as const),
    // Dev and Admin roles: every action, within their scope
    ...[...userOnly, ...devOnly].map((a) => ["customerDev", `${M}:${a}`, sandbox, "allow"] as const),
    ["customerDev", `${M}:site.view`, production, "deny"],
    ["customerDev", `${M}:code.deploy`, production, "deny"],
    ...[...userOnly, ...devOnly].map((a) => ["customerAdmin", `${M}:${a}`, production, "allow"] as const),
    ["customerAdmin", `${M}:database.sync`, sandbox, "allow"],
    // partner user with a role in customer acme, partner has Mission Control enabled
    ["partnerUser", `${M}:site.restart`, production, "allow"],
    ["partnerUser", `${M}:database.backup`, production, "allow"],
    ["partnerUser", `${M}:database.credentials`, production, "deny"],
    ["partnerUser", `${M}:site.view`, sandbox, "deny"],
    ["partnerDev", `${M}:code.deploy`, production, "allow"],
    ["partnerDev", `${M}:database.sync`, sandbox, "allow"],
    // partner that has not enabled Mission Control: its users' roles in acme do not count
    ["off-partner", `${M}:site.view`, production, "deny"],
    ["off-partner", `${M}:site.restart`, sandbox, "deny"],
    // roles held in the partner's home organization never reach a customer
    ["agency-home-admin", `${M}:site.view`, production, "deny"],
    ["agency-home-admin", `${M}:code.deploy`, sandbox, "deny"],
    ["agency-home-admin", `${M}:site.view`, res(path("agency", M, "agency-prod")), "allow"],
    // a customer that has not enabled Mission Control
    ["initech-admin", `${M}:site.view`, res(path("initech", M, "production")), "deny"],
    // another product's action on a Mission Control resource
    ["customerAdmin", "cms:content.edit", production, "deny"],
  ]);
});
