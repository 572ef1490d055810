// Product Information Management (seed 002): six system roles over settings, data setup, categories,
// products and assets; approving a product is open only to the user it is assigned to.
import { attrIs } from "../condition.ts";
import { actionId, actionsOf, allExcept, productId, role } from "../define.ts";
import type { ProductDef } from "../types.ts";

const P = "pim";

const approve = actionId(P, "product.approve");

/** Whatever role holds it, `product.approve` applies only to products assigned to the subject. */
const actions = actionsOf(P, [
  ["settings.manage", "Settings and Team Members tabs"],
  ["data-setup.manage", "Properties and Product Templates tabs"],
  ["category.add", "Add categories"],
  ["category.import", "Import categories"],
  ["category.edit", "Edit categories"],
  ["category.delete", "Delete categories"],
  ["product.create", "Create products"],
  ["product.import", "Import products"],
  ["product.edit", "Edit products"],
  ["product.assign", "Assign products"],
  ["product.archive", "Archive products"],
  ["product.delete", "Delete products"],
  ["product.approve", "Approve products assigned to the user"],
  ["asset.create", "Create assets"],
  ["asset.import", "Import assets"],
  ["asset.edit", "Edit assets"],
  ["asset.delete", "Delete assets"],
  ["imports.view", "Access the Imports page"],
  ["commerce-version.change", "Change the commerce version"],
  ["hangfire.view", "View the hangfire dashboard"],
]).map((a) => (a.id === approve ? { ...a, condition: attrIs("assignedToSubject", true) } : a));

const categories = ["category.add", "category.import", "category.edit", "category.delete"];
const merchandising = [...categories, "product.create", "product.assign", "product.archive"];

export const pim: ProductDef = {
  id: productId(P),
  label: "Product Information Management",
  source: "002_3bb4cdf0e2de7e48.txt",
  customRoles: true,
  actions,
  roles: [
    role(
      P,
      "PIM_System",
      "PIM_System",
      "PIM_Admin's access, plus changing the commerce version and viewing the hangfire dashboard.",
      allExcept(actions, P, []),
    ),
    role(
      P,
      "PIM_Admin",
      "PIM_Admin",
      "Full access to PIM settings, data setup, categories, products and assets.",
      allExcept(actions, P, ["commerce-version.change", "hangfire.view"]),
    ),
    role(
      P,
      "PIM_Manager",
      "PIM_Manager",
      "Data setup, categories, and creating, assigning, archiving and approving products.",
      ["data-setup.manage", ...merchandising, "product.approve"],
    ),
    role(
      P,
      "PIM_Merchandiser",
      "PIM_Merchandiser",
      "Categories, and creating, assigning and archiving products.",
      merchandising,
    ),
    role(P, "PIM_AssetManager", "PIM_AssetManager", "Create, import, edit and delete assets.", [
      "asset.create",
      "asset.import",
      "asset.edit",
      "asset.delete",
    ]),
    role(P, "PIM_ProductImporter", "PIM_ProductImporter", "Access the Imports page and import products.", [
      "imports.view",
      "product.import",
    ]),
  ],
};
