// Decision table for Configured Commerce (spec section 3, configured-commerce): console roles (the Implementer
// cannot create or delete websites), content roles, and Spire roles (SiteEditor, SystemAdmin as sums of others).
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const C = "configured-commerce";
const cc1 = path("acme", C, "cc1");
const on = res(cc1);
const roles = [
  "ISC_Admin",
  "ISC_Implementer",
  "ISC_User",
  "ISC_Integration",
  "ISC_ContentApprover",
  "ISC_ContentEditor",
  "CMS_ContentEditor",
  "CMS_ContentDeveloper",
  "CMS_Publisher",
  "CMS_SiteEditor",
  "CMS_SystemAdmin",
];

const w = world().users("acme", ...roles);
for (const r of roles) w.grant(r, `${C}:${r}`, cc1);

describe("configured-commerce decisions", () => {
  decisionTable(w.engine, [
    ["ISC_Admin", `${C}:website.create`, on, "allow"],
    ["ISC_Admin", `${C}:website.delete`, on, "allow"],
    ["ISC_Admin", `${C}:console.access`, on, "allow"],
    ["ISC_Implementer", `${C}:website.create`, on, "deny"],
    ["ISC_Implementer", `${C}:website.delete`, on, "deny"],
    ["ISC_Implementer", `${C}:implementation-settings.edit`, on, "allow"],
    ["ISC_Implementer", `${C}:console.access`, on, "allow"],
    ["ISC_User", `${C}:order.manage`, on, "allow"],
    ["ISC_User", `${C}:website.create`, on, "deny"],
    ["ISC_Integration", `${C}:integration.run`, on, "allow"],
    ["ISC_Integration", `${C}:website.create`, on, "deny"],
    ["ISC_ContentApprover", `${C}:content.approve`, on, "allow"],
    ["ISC_ContentApprover", `${C}:content.publish`, on, "allow"],
    ["ISC_ContentEditor", `${C}:content.edit`, on, "allow"],
    ["ISC_ContentEditor", `${C}:content.publish`, on, "deny"],
    // CMS_SiteEditor = CMS_ContentEditor plus commerce pages
    ["CMS_ContentEditor", `${C}:spire.page.manage`, on, "allow"],
    ["CMS_ContentEditor", `${C}:commerce-page.manage`, on, "deny"],
    ["CMS_SiteEditor", `${C}:spire.page.manage`, on, "allow"],
    ["CMS_SiteEditor", `${C}:commerce-page.manage`, on, "allow"],
    ["CMS_SiteEditor", `${C}:style-guide.edit`, on, "deny"],
    ["CMS_Publisher", `${C}:content.publish`, on, "allow"],
    ["CMS_Publisher", `${C}:spire.page.manage`, on, "deny"],
    ["CMS_ContentDeveloper", `${C}:spire.advanced-edit`, on, "allow"],
    ["CMS_ContentDeveloper", `${C}:style-guide.edit`, on, "deny"],
    // CMS_SystemAdmin = all four Spire roles plus the global style guide
    ["CMS_SystemAdmin", `${C}:spire.advanced-edit`, on, "allow"],
    ["CMS_SystemAdmin", `${C}:content.publish`, on, "allow"],
    ["CMS_SystemAdmin", `${C}:spire.page.manage`, on, "allow"],
    ["CMS_SystemAdmin", `${C}:commerce-page.manage`, on, "allow"],
    ["CMS_SystemAdmin", `${C}:style-guide.edit`, on, "allow"],
    ["CMS_SystemAdmin", `${C}:website.create`, on, "deny"],
  ]);
});
