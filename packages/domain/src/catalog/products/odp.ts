// Optimizely Data Platform (seed 002): a user may hold several roles, each opening one area of the account.
// Marking a field PII takes All Access and PII Viewer together; User Admin is account-wide only.
import { actionId, actionsOf, allExcept, productId, role, roleId } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "odp";

const actions = actionsOf(P, [
  ["users.manage", "Add, edit or remove users"],
  ["pii.view", "View PII data"],
  ["field.mark-pii", "Mark a field as PII and suggestible"],
  ["campaign.metrics.view", "View campaign (activation) metrics"],
  ["report.view", "View reports"],
  ["attribution.view", "View attribution"],
  ["funnel.view", "View funnels"],
  ["filter.manage", "Use and manage filters"],
  ["integration.manage", "Manage integrations"],
  ["domain.manage", "Manage domains and IPs"],
  ["api.manage", "Manage APIs"],
  ["field.create", "Create fields"],
  ["event-inspector.view", "Use the event inspector"],
  ["campaign.create", "Create campaigns (activations)"],
  ["campaign.launch", "Launch campaigns"],
  ["preference-center.manage", "Manage preference centers"],
  ["sender-profile.manage", "Manage sender profiles"],
  ["activity-log.view", "View the activity log"],
  ["campaign.preview", "Test and preview campaigns"],
  ["profile.view", "View customer profiles"],
  ["graphql.access", "Access the GraphQL page"],
  ["segment.use", "Interact with segments and data"],
]);

const levels = ["product", "instance", "project"] as const;

export const odp: ProductDef = {
  id: productId(P),
  label: "Optimizely Data Platform",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "all-access",
      "All Access",
      "Access to all account features and information, but not to users or PII.",
      allExcept(actions, P, ["users.manage", "pii.view", "field.mark-pii"]),
      { levels },
    ),
    role(
      P,
      "user-admin",
      "User Admin",
      "Add, edit or remove other users, on the whole account.",
      ["users.manage"],
      {
        levels: ["product", "instance"],
      },
    ),
    role(
      P,
      "analyst",
      "Analyst",
      "Campaign metrics, reports, attribution, funnels and filters for custom analysis.",
      ["campaign.metrics.view", "report.view", "attribution.view", "funnel.view", "filter.manage"],
      { levels },
    ),
    role(
      P,
      "integrator",
      "Integrator",
      "Integrations, domains and IPs, APIs, field creation, filters, reports and the event inspector.",
      [
        "integration.manage",
        "domain.manage",
        "api.manage",
        "field.create",
        "filter.manage",
        "report.view",
        "event-inspector.view",
      ],
      { levels },
    ),
    role(
      P,
      "marketer",
      "Marketer",
      "Create and launch campaigns, with their metrics, preference centers and sender profiles.",
      [
        "campaign.create",
        "campaign.launch",
        "campaign.metrics.view",
        "preference-center.manage",
        "sender-profile.manage",
        "filter.manage",
        "report.view",
        "activity-log.view",
      ],
      { levels },
    ),
    role(
      P,
      "pii-viewer",
      "PII Viewer",
      "View PII data, preview campaigns, view profiles, use GraphQL and segments.",
      ["pii.view", "campaign.preview", "profile.view", "graphql.access", "segment.use"],
      { levels },
    ),
  ],
  conjunctions: [
    {
      action: actionId(P, "field.mark-pii"),
      allOf: [[roleId(P, "all-access")], [roleId(P, "pii-viewer")]],
    },
  ],
};
