// Content Marketing Platform (seed 002): module access plus work on campaigns, tasks, the library and
// requests; collaborators only see and edit the campaigns and tasks shared with or assigned to them.
import { anyOf, attrIs } from "../condition.ts";
import { actionsOf, allExcept, permission, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "cmp";

const actions = actionsOf(P, [
  ["idea-lab.access", "Access the idea lab"],
  ["calendar.access", "Access the calendar"],
  ["campaigns.access", "Access campaigns"],
  ["tasks.access", "Access tasks"],
  ["requests.access", "Access the requests module"],
  ["library.access", "Access the library"],
  ["settings.access", "Access the administrative settings"],
  ["user.manage", "Manage users"],
  ["team.manage", "Manage teams"],
  ["workflow.manage", "Manage workflows"],
  ["settings.manage", "Manage organization settings"],
  ["campaign.create", "Create campaigns"],
  ["campaign.view", "View campaigns"],
  ["campaign.edit", "Edit and contribute to campaigns"],
  ["task.create", "Create tasks"],
  ["task.view", "View tasks"],
  ["task.edit", "Edit and contribute to tasks"],
  ["library.view", "View library assets"],
  ["library.upload", "Upload to the library"],
  ["library.search", "Search the library"],
  ["library.download", "Download library assets"],
  ["request.submit", "Submit requests"],
  ["request.view", "See where requests are in the queue"],
  ["request.manage-own", "Manage one's own submitted requests"],
  ["request.manage", "Manage every request"],
]);

/** Collaborators reach a campaign or task only when it is shared with or assigned to them. */
const when = anyOf(attrIs("sharedWithSubject", true), attrIs("assignedToSubject", true));
const sharedWork = ["campaign.view", "campaign.edit", "task.view", "task.edit"].map((name) =>
  permission(P, name, { when }),
);
const ownRequests = ["requests.access", "request.submit", "request.view", "request.manage-own"];

export const cmp: ProductDef = {
  id: productId(P),
  label: "Content Marketing Platform",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "admin",
      "Admin",
      "Access everything, including users, teams, workflows and organization settings.",
      allExcept(actions, P, []),
    ),
    role(
      P,
      "creator",
      "Creator",
      "Access the entire platform except administrative settings; create campaigns and tasks.",
      allExcept(actions, P, [
        "settings.access",
        "settings.manage",
        "user.manage",
        "team.manage",
        "workflow.manage",
      ]),
    ),
    role(
      P,
      "collaborator-plus",
      "Collaborator+",
      "Access every module but settings; view and collaborate on shared or assigned campaigns and tasks.",
      [
        "idea-lab.access",
        "calendar.access",
        "campaigns.access",
        "tasks.access",
        "library.access",
        "library.view",
        "library.upload",
        ...ownRequests,
        ...sharedWork,
      ],
    ),
    role(
      P,
      "collaborator",
      "Collaborator",
      "Access only the campaigns and tasks shared with or assigned to them.",
      ["campaigns.access", "tasks.access", ...sharedWork],
    ),
    role(
      P,
      "dam-requester",
      "DAM Requester",
      "Work with the Requests page and view and download library content.",
      [...ownRequests, "library.access", "library.view", "library.download"],
    ),
    role(P, "guest", "Guest", "Submit requests and follow them in the requests module.", ownRequests),
    role(P, "library-only", "Library Only", "See, search and download assets in the library module only.", [
      "library.access",
      "library.view",
      "library.search",
      "library.download",
    ]),
  ],
};
