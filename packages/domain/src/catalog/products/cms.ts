// CMS SaaS and PaaS (seed 002): commerce admins reach everything; content admins the admin and edit views
// and add-on and audience administration; content editors only the edit view, rights coming from other roles.
import { actionsOf, allExcept, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "cms";

const actions = actionsOf(P, [
  ["admin-view.access", "Access the admin view"],
  ["edit-view.access", "Access the edit view"],
  ["content.edit", "Edit website content and its structure"],
  ["content.publish", "Publish website content"],
  ["addon.manage", "Administer add-ons"],
  ["audience.manage", "Administer audiences"],
  ["settings.manage", "Manage system settings"],
]);

export const cms: ProductDef = {
  id: productId(P),
  label: "CMS",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "commerce-admins",
      "Commerce Admins",
      "Access all parts of the system and edit all website content.",
      allExcept(actions, P, []),
    ),
    role(
      P,
      "content-admins",
      "Content Admins",
      "Access the admin and edit views and administer add-ons and audiences, without content editing.",
      ["admin-view.access", "edit-view.access", "addon.manage", "audience.manage"],
    ),
    role(
      P,
      "content-editors",
      "Content Editors",
      "Access the edit view; specific editing rights come from other roles.",
      ["edit-view.access"],
    ),
  ],
};
