// Decision table for the Optimizely Data Platform (spec section 3, odp): several roles per user, each its area,
// and field.mark-pii only for All Access and PII Viewer held together at scopes covering the resource.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const D = "odp";
const o1 = path("acme", D, "o1");
const o2 = path("acme", D, "o2");

const w = world()
  .users(
    "acme",
    "all-access",
    "pii-viewer",
    "both",
    "split",
    "apart",
    "user-admin",
    "analyst",
    "integrator",
    "marketer",
  )
  .grant("all-access", `${D}:all-access`, o1)
  .grant("pii-viewer", `${D}:pii-viewer`, o1)
  .grant("both", `${D}:all-access`, o1)
  .grant("both", `${D}:pii-viewer`, o1)
  // all-access on the whole product, pii-viewer on one account
  .grant("split", `${D}:all-access`, path("acme", D))
  .grant("split", `${D}:pii-viewer`, o2)
  // the two roles on different accounts never meet
  .grant("apart", `${D}:all-access`, o1)
  .grant("apart", `${D}:pii-viewer`, o2)
  .grant("user-admin", `${D}:user-admin`, o1)
  .grant("analyst", `${D}:analyst`, o1)
  .grant("integrator", `${D}:integrator`, o1)
  .grant("marketer", `${D}:marketer`, o1);

describe("odp decisions", () => {
  decisionTable(w.engine, [
    // field.mark-pii: a conjunction of all-access and pii-viewer
    ["both", `${D}:field.mark-pii`, res(o1), "allow"],
    ["all-access", `${D}:field.mark-pii`, res(o1), "deny"],
    ["pii-viewer", `${D}:field.mark-pii`, res(o1), "deny"],
    ["split", `${D}:field.mark-pii`, res(o2), "allow"],
    ["split", `${D}:field.mark-pii`, res(o1), "deny"],
    ["apart", `${D}:field.mark-pii`, res(o1), "deny"],
    ["apart", `${D}:field.mark-pii`, res(o2), "deny"],
    // all-access: everything except users.manage, pii.view and field.mark-pii
    ["all-access", `${D}:campaign.create`, res(o1), "allow"],
    ["all-access", `${D}:report.view`, res(o1), "allow"],
    ["all-access", `${D}:segment.use`, res(o1), "allow"],
    ["all-access", `${D}:pii.view`, res(o1), "deny"],
    ["all-access", `${D}:users.manage`, res(o1), "deny"],
    ["all-access", `${D}:campaign.create`, res(o2), "deny"],
    ["pii-viewer", `${D}:pii.view`, res(o1), "allow"],
    ["pii-viewer", `${D}:graphql.access`, res(o1), "allow"],
    ["pii-viewer", `${D}:campaign.create`, res(o1), "deny"],
    ["user-admin", `${D}:users.manage`, res(o1), "allow"],
    ["user-admin", `${D}:users.manage`, res(o2), "deny"],
    ["user-admin", `${D}:report.view`, res(o1), "deny"],
    ["analyst", `${D}:funnel.view`, res(o1), "allow"],
    ["analyst", `${D}:filter.manage`, res(o1), "allow"],
    ["analyst", `${D}:campaign.create`, res(o1), "deny"],
    ["integrator", `${D}:api.manage`, res(o1), "allow"],
    ["integrator", `${D}:field.create`, res(o1), "allow"],
    ["integrator", `${D}:campaign.launch`, res(o1), "deny"],
    ["marketer", `${D}:campaign.launch`, res(o1), "allow"],
    ["marketer", `${D}:sender-profile.manage`, res(o1), "allow"],
    ["marketer", `${D}:pii.view`, res(o1), "deny"],
    ["marketer", `${D}:api.manage`, res(o1), "deny"],
  ]);
});
