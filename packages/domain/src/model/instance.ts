// One installation of a product inside an organization: an Experimentation account, a CMS site,
// a Configured Commerce environment in Mission Control (with `production` set), an ODP account.
import { Schema } from "effect";
import { InstanceId, OrgId, ProductId } from "./ids.ts";

export class Instance extends Schema.Class<Instance>("Instance")({
  id: InstanceId,
  org: OrgId,
  product: ProductId,
  name: Schema.String,
  production: Schema.optionalKey(Schema.Boolean),
}) {}
