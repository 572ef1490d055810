// Mission Control (seed 000): roles gate operations on a customer's Configured Commerce environments.
// User roles may view, restart and back up; Dev and Admin roles may also run every deployment and sync.
import { actionsOf, allExcept, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";
import { missionControlActions } from "./mission-control-actions.ts";

const P = "mission-control";

const actions = actionsOf(P, missionControlActions);

const userActions = ["site.view", "site.restart", "database.backup"];
const devActions = allExcept(actions, P, []);
const levels = ["product", "instance"] as const;

export const missionControl: ProductDef = {
  id: productId(P),
  label: "Mission Control",
  source: "000_2cd7b24583309545.txt",
  customRoles: true,
  partnerRoles: true,
  // Seed 000: every Mission Control instance is one of the customer's environments.
  productWide: "all environments",
  actions,
  roles: [
    role(P, "customerUser", "customerUser", "Restart the site and back up the database.", userActions, {
      levels,
    }),
    role(
      P,
      "customerDev",
      "customerDev",
      "Every Mission Control action, including deployments.",
      devActions,
      {
        levels,
      },
    ),
    role(
      P,
      "customerAdmin",
      "customerAdmin",
      "Every Mission Control action, including deployments.",
      devActions,
      {
        levels,
      },
    ),
    role(
      P,
      "partnerUser",
      "partnerUser",
      "A partner's user: restart the site and back up the database.",
      userActions,
      {
        levels,
      },
    ),
    role(P, "partnerDev", "partnerDev", "A partner's developer: every Mission Control action.", devActions, {
      levels,
    }),
    role(
      P,
      "partnerAdmin",
      "partnerAdmin",
      "A partner's administrator: every Mission Control action.",
      devActions,
      {
        levels,
      },
    ),
  ],
};
