// A product of the suite (Admin Center, Mission Control, Experimentation, …) as an organization sees it.
// The catalog defines what each product can do; this is the record of one product's identity.
import { Schema } from "effect";
import { ProductId } from "./ids.ts";

export class Product extends Schema.Class<Product>("Product")({
  id: ProductId,
  label: Schema.String,
  customRoles: Schema.Boolean,
}) {}
