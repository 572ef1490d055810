// Decision table for Product Information Management (spec section 3, pim): the six roles, and product.approve
// open only for products assigned to the subject, failing closed when assignedToSubject is missing.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const P = "pim";
const i1 = path("acme", P, "i1");
const assigned = res(i1, { assignedToSubject: true });
const notAssigned = res(i1, { assignedToSubject: false });
const unknown = res(i1);
const roles = [
  "PIM_System",
  "PIM_Admin",
  "PIM_Manager",
  "PIM_Merchandiser",
  "PIM_AssetManager",
  "PIM_ProductImporter",
];

const w = world().users("acme", ...roles);
for (const r of roles) w.grant(r, `${P}:${r}`, i1);

describe("pim decisions", () => {
  decisionTable(w.engine, [
    // product.approve: only for products assigned to the subject
    ["PIM_Manager", `${P}:product.approve`, assigned, "allow"],
    ["PIM_Manager", `${P}:product.approve`, notAssigned, "deny"],
    ["PIM_Manager", `${P}:product.approve`, unknown, "deny", "assignedToSubject"],
    ["PIM_Admin", `${P}:product.approve`, assigned, "allow"],
    ["PIM_Admin", `${P}:product.approve`, notAssigned, "deny"],
    ["PIM_Admin", `${P}:product.approve`, unknown, "deny", "assignedToSubject"],
    ["PIM_System", `${P}:product.approve`, assigned, "allow"],
    ["PIM_Merchandiser", `${P}:product.approve`, assigned, "deny"],
    ["PIM_ProductImporter", `${P}:product.approve`, assigned, "deny"],
    // System = Admin + commerce version + hangfire
    ["PIM_System", `${P}:commerce-version.change`, unknown, "allow"],
    ["PIM_System", `${P}:hangfire.view`, unknown, "allow"],
    ["PIM_Admin", `${P}:commerce-version.change`, unknown, "deny"],
    ["PIM_Admin", `${P}:hangfire.view`, unknown, "deny"],
    ["PIM_Admin", `${P}:settings.manage`, unknown, "allow"],
    ["PIM_Admin", `${P}:product.delete`, unknown, "allow"],
    ["PIM_Admin", `${P}:asset.import`, unknown, "allow"],
    // Manager: data setup, categories, create/assign/archive/approve products
    ["PIM_Manager", `${P}:data-setup.manage`, unknown, "allow"],
    ["PIM_Manager", `${P}:category.delete`, unknown, "allow"],
    ["PIM_Manager", `${P}:product.assign`, unknown, "allow"],
    ["PIM_Manager", `${P}:settings.manage`, unknown, "deny"],
    ["PIM_Manager", `${P}:product.edit`, unknown, "deny"],
    ["PIM_Manager", `${P}:asset.create`, unknown, "deny"],
    // Merchandiser: categories and create/assign/archive products
    ["PIM_Merchandiser", `${P}:category.import`, unknown, "allow"],
    ["PIM_Merchandiser", `${P}:product.archive`, unknown, "allow"],
    ["PIM_Merchandiser", `${P}:data-setup.manage`, unknown, "deny"],
    ["PIM_Merchandiser", `${P}:product.delete`, unknown, "deny"],
    ["PIM_AssetManager", `${P}:asset.edit`, unknown, "allow"],
    ["PIM_AssetManager", `${P}:asset.delete`, unknown, "allow"],
    ["PIM_AssetManager", `${P}:product.create`, unknown, "deny"],
    ["PIM_ProductImporter", `${P}:imports.view`, unknown, "allow"],
    ["PIM_ProductImporter", `${P}:product.import`, unknown, "allow"],
    ["PIM_ProductImporter", `${P}:product.create`, unknown, "deny"],
    ["PIM_ProductImporter", `${P}:category.import`, unknown, "deny"],
    // another instance
    ["PIM_Admin", `${P}:settings.manage`, res(path("acme", P, "i2")), "deny"],
  ]);
});
