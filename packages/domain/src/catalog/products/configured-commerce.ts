// Configured Commerce (seed 002): Admin Console roles, content roles for Spire and Classic, and Spire CMS
// roles. Custom roles created in Configured Commerce are not supported by Opti ID.
import { actionsOf, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "configured-commerce";

const actions = actionsOf(P, [
  ["console.access", "Access the Admin Console"],
  ["settings.edit", "Modify application and website settings"],
  ["implementation-settings.edit", "Modify implementation and integration settings"],
  ["website.create", "Create websites"],
  ["website.delete", "Delete websites"],
  ["customer.manage", "Modify customers"],
  ["website-user.manage", "Modify website users"],
  ["order.manage", "Modify orders"],
  ["integration.run", "Connect through the WIS to run jobs and transfer files"],
  ["storefront-api.manage", "Control custom properties in the Application Dictionary"],
  ["content.preview", "Preview content"],
  ["content.approve", "Approve content"],
  ["content.publish", "Publish content"],
  ["content.edit", "Add and edit content"],
  ["template.manage", "Create and modify templates"],
  ["theme.edit", "Add, remove or edit theme-based content"],
  ["spire.advanced-edit", "Use Spire's advanced features (widget CSS fields, Code Snippet widget)"],
  ["spire.page.manage", "Manage Spire pages: widgets, creating, deleting, variants, copying, rearranging"],
  ["commerce-page.manage", "Create, edit and delete commerce pages and their content"],
  ["style-guide.edit", "Edit the site's global style guide"],
]);

const implementer = [
  "console.access",
  "settings.edit",
  "implementation-settings.edit",
  "customer.manage",
  "website-user.manage",
  "order.manage",
];
const approver = ["content.preview", "content.approve", "content.publish"];
const developer = ["spire.advanced-edit"];
const contentEditor = ["content.edit", "spire.page.manage"];
const publisher = ["content.approve", "content.publish"];
const siteEditor = [...contentEditor, "commerce-page.manage"];

export const configuredCommerce: ProductDef = {
  id: productId(P),
  label: "Configured Commerce",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: false,
  actions,
  roles: [
    role(
      P,
      "ISC_Admin",
      "ISC_Admin",
      "Administer the Admin Console and modify application and website settings.",
      [...implementer, "website.create", "website.delete"],
    ),
    role(
      P,
      "ISC_Implementer",
      "ISC_Implementer",
      "Administer the Admin Console and key implementation and integration settings, but not websites.",
      implementer,
    ),
    role(P, "ISC_User", "ISC_User", "Secured Admin Console access to modify customers, users and orders.", [
      "console.access",
      "customer.manage",
      "website-user.manage",
      "order.manage",
    ]),
    role(
      P,
      "ISC_Integration",
      "ISC_Integration",
      "The WIS user that connects to the site to run jobs and transfer files.",
      ["integration.run"],
    ),
    role(
      P,
      "ISC_StoreFrontApi",
      "ISC_StoreFrontApi",
      "Controls custom properties in the Application Dictionary and their exposure on the website.",
      ["storefront-api.manage"],
    ),
    role(
      P,
      "ISC_ContentAdmin",
      "ISC_ContentAdmin",
      "Preview, approve and publish content, and create and modify templates.",
      [...approver, "template.manage"],
    ),
    role(P, "ISC_ContentApprover", "ISC_ContentApprover", "Preview, approve and publish content.", approver),
    role(P, "ISC_ContentEditor", "ISC_ContentEditor", "Add and edit content.", ["content.edit"]),
    role(P, "ISC_FrontEndDev", "ISC_FrontEndDev", "Add, remove or edit theme-based content.", ["theme.edit"]),
    role(
      P,
      "CMS_ContentDeveloper",
      "CMS_ContentDeveloper",
      "Use advanced Spire features such as widget CSS fields and the Code Snippet widget.",
      developer,
    ),
    role(
      P,
      "CMS_ContentEditor",
      "CMS_ContentEditor",
      "Manage and edit content and pages in Spire.",
      contentEditor,
    ),
    role(P, "CMS_Publisher", "CMS_Publisher", "Approve and publish content in Spire.", publisher),
    role(
      P,
      "CMS_SiteEditor",
      "CMS_SiteEditor",
      "CMS_ContentEditor's abilities plus creating, editing and deleting commerce pages.",
      siteEditor,
    ),
    role(
      P,
      "CMS_SystemAdmin",
      "CMS_SystemAdmin",
      "All four Spire roles' abilities plus editing the site's global style guide.",
      [...developer, ...publisher, ...siteEditor, "style-guide.edit"],
    ),
  ],
};
