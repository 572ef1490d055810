// Product Recommendations (seed 002): editors view email content, recommendations and triggers and
// manage campaigns; viewers only read the reports of their area.
import { actionsOf, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "product-recommendations";

const actions = actionsOf(P, [
  ["email.view", "View email content"],
  ["recs.view", "View product recommendations"],
  ["trigger.view", "View triggers"],
  ["campaign.manage", "Manage campaigns"],
  ["template.create", "Create templates"],
  ["email-report.view", "View email product recommendations reports"],
  ["trigger-report.view", "View trigger reports"],
  ["recs-report.view", "View product recommendations reports"],
]);

export const productRecommendations: ProductDef = {
  id: productId(P),
  label: "Product Recommendations",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "email-recs-editor",
      "Email Recs Editor",
      "View email content, recommendations and triggers; manage campaigns and create templates.",
      ["email.view", "recs.view", "trigger.view", "campaign.manage", "template.create"],
    ),
    role(
      P,
      "email-recs-viewer",
      "Email Rec Viewer",
      "View email product recommendations and trigger reports.",
      ["email-report.view", "trigger-report.view"],
    ),
    role(
      P,
      "product-recs-editor",
      "Product Recs Editor",
      "View everything related to product recommendations and manage campaigns.",
      ["recs.view", "campaign.manage"],
    ),
    role(P, "product-recs-viewer", "Product Recs Viewer", "View product recommendations reports.", [
      "recs-report.view",
    ]),
  ],
};
