// An organization: a customer or a partner, isolated from every other, with the products it has enabled.
// Partners reach customers only through Mission Control roles the customer grants (spec section 3).
import { Schema } from "effect";
import { OrgId, ProductId } from "./ids.ts";

export const OrganizationKind = Schema.Literals(["customer", "partner"]);
export type OrganizationKind = typeof OrganizationKind.Type;

export class Organization extends Schema.Class<Organization>("Organization")({
  id: OrgId,
  name: Schema.String,
  kind: OrganizationKind,
  products: Schema.Array(ProductId),
}) {}
