// Decision table for Product Recommendations (spec section 3, product-recommendations): email and product
// editors manage campaigns, viewers only read the reports of their own area.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const R = "product-recommendations";
const i1 = path("acme", R, "pr1");
const on = res(i1);

const w = world()
  .users("acme", "email-editor", "email-viewer", "product-editor", "product-viewer")
  .grant("email-editor", `${R}:email-recs-editor`, i1)
  .grant("email-viewer", `${R}:email-recs-viewer`, i1)
  .grant("product-editor", `${R}:product-recs-editor`, i1)
  .grant("product-viewer", `${R}:product-recs-viewer`, i1);

describe("product-recommendations decisions", () => {
  decisionTable(w.engine, [
    ["email-editor", `${R}:email.view`, on, "allow"],
    ["email-editor", `${R}:trigger.view`, on, "allow"],
    ["email-editor", `${R}:campaign.manage`, on, "allow"],
    ["email-editor", `${R}:template.create`, on, "allow"],
    ["email-editor", `${R}:email-report.view`, on, "deny"],
    ["email-viewer", `${R}:email-report.view`, on, "allow"],
    ["email-viewer", `${R}:trigger-report.view`, on, "allow"],
    ["email-viewer", `${R}:campaign.manage`, on, "deny"],
    ["email-viewer", `${R}:recs-report.view`, on, "deny"],
    ["product-editor", `${R}:recs.view`, on, "allow"],
    ["product-editor", `${R}:campaign.manage`, on, "allow"],
    ["product-editor", `${R}:template.create`, on, "deny"],
    ["product-editor", `${R}:email.view`, on, "deny"],
    ["product-viewer", `${R}:recs-report.view`, on, "allow"],
    ["product-viewer", `${R}:recs.view`, on, "deny"],
    ["product-viewer", `${R}:email-report.view`, on, "deny"],
  ]);
});
