// Collaboration (seed 002): admins see every hypothesis and work request; experimentation creators and
// guests view and edit only what is shared with them. Admins and creators share 20 seats per instance.
import { attrIs } from "../condition.ts";
import { actionsOf, allExcept, permission, productId, role, roleId } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "collaboration";

const actions = actionsOf(P, [
  ["plan.access", "Access the Plan page"],
  ["work-request.access", "Access the Work Requests page"],
  ["hypothesis.create", "Create hypotheses"],
  ["hypothesis.view", "View hypotheses"],
  ["hypothesis.edit", "Edit hypotheses"],
  ["work-request.create", "Create work requests"],
  ["work-request.view", "View work requests"],
  ["work-request.edit", "Edit work requests"],
]);

const when = attrIs("sharedWithSubject", true);
const sharedOnly = ["hypothesis.view", "hypothesis.edit", "work-request.view", "work-request.edit"].map(
  (name) => permission(P, name, { when }),
);

export const collaboration: ProductDef = {
  id: productId(P),
  label: "Collaboration",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "admin",
      "Admin",
      "Access Plan and Work Requests; create, view and edit hypotheses and work requests.",
      allExcept(actions, P, []),
    ),
    role(
      P,
      "experimentation-creator",
      "Experimentation Creator",
      "Access Plan and Work Requests, create hypotheses and work requests, view and edit what is shared.",
      ["plan.access", "work-request.access", "hypothesis.create", "work-request.create", ...sharedOnly],
    ),
    role(
      P,
      "guest",
      "Guest",
      "Access Work Requests, create work requests, view and edit objects shared directly with them.",
      ["work-request.access", "work-request.create", ...sharedOnly],
    ),
  ],
  seatLimits: [{ roles: [roleId(P, "admin"), roleId(P, "experimentation-creator")], limit: 20 }],
};
