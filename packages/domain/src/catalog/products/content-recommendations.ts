// Content Recommendations (seed 002): every role views everything; admins and editors create and edit
// the entities of their row, and some entities (goals, master filters, answers) are never created here.
import { actionsOf, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "content-recommendations";

const entities = [
  ["property", "properties"],
  ["source", "sources"],
  ["content-list", "content lists"],
  ["flow", "flows"],
  ["section", "sections"],
  ["delivery", "deliveries"],
  ["ip-filter", "IP address filters"],
  ["whitelist", "whitelists"],
  ["goal", "goals"],
  ["master-filter", "master filters"],
  ["answer", "answers"],
] as const;

const actions = actionsOf(
  P,
  entities.flatMap(([entity, plural]) => [
    [`${entity}.create`, `Create ${plural}`] as const,
    [`${entity}.edit`, `Edit ${plural}`] as const,
    [`${entity}.view`, `View ${plural}`] as const,
  ]),
);

const viewAll = entities.map(([entity]) => `${entity}.view`);
const createAndEdit = (names: ReadonlyArray<string>) => names.flatMap((e) => [`${e}.create`, `${e}.edit`]);
const editorEntities = ["content-list", "flow", "section", "delivery"];
const adminEntities = ["property", "source", ...editorEntities, "ip-filter", "whitelist"];

export const contentRecommendations: ProductDef = {
  id: productId(P),
  label: "Content Recommendations",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "admin",
      "Admin",
      "Create and edit properties, sources, lists, flows, sections, deliveries, IP filters and whitelists.",
      [...createAndEdit(adminEntities), "goal.edit", "master-filter.edit", "answer.edit", ...viewAll],
    ),
    role(
      P,
      "editor",
      "Editor",
      "Create and edit content lists, flows, sections and deliveries; view everything else.",
      [...createAndEdit(editorEntities), ...viewAll],
    ),
    role(
      P,
      "viewer",
      "Viewer",
      "View everything in Content Recommendations, with no editing access.",
      viewAll,
    ),
  ],
};
