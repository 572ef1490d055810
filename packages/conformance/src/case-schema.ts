// The conformance case form (shared/conformance/README.md) as an Effect schema.
// `expect` is deliberately absent: the runner reads it only under --check, outside this schema.
import { Resource, ResourceAttributes, Scope } from "@gatehouse/domain";
import { Schema } from "effect";

const Moment = Schema.Union([Schema.Number, Schema.String]);

const CaseGrant = Schema.Union([
  Schema.Struct({ role: Schema.String, scope: Scope, expiresAt: Schema.optionalKey(Moment) }),
  Schema.Struct({ permission: Schema.String, scope: Scope, expiresAt: Schema.optionalKey(Moment) }),
]);

const Common = {
  id: Schema.String,
  orgs: Schema.optionalKey(
    Schema.Record(
      Schema.String,
      Schema.Struct({
        kind: Schema.Literals(["customer", "partner"]),
        products: Schema.optionalKey(Schema.Array(Schema.String)),
      }),
    ),
  ),
  customRoles: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        id: Schema.String,
        product: Schema.String,
        permissions: Schema.Array(Schema.String),
        name: Schema.optionalKey(Schema.String),
        description: Schema.optionalKey(Schema.String),
      }),
    ),
  ),
  subject: Schema.Struct({ org: Schema.String, grants: Schema.Array(CaseGrant) }),
  /** Optional evaluation time for cases with expiring grants (epoch ms or ISO date). */
  now: Schema.optionalKey(Moment),
};

export const CheckCase = Schema.Struct({
  ...Common,
  kind: Schema.Literal("check"),
  action: Schema.String,
  resource: Resource,
});

const AssignmentFields = {
  scope: Scope,
  targetOrg: Schema.String,
  target: Schema.optionalKey(ResourceAttributes),
  seatsInUse: Schema.optionalKey(Schema.Number),
};

export const AssignCase = Schema.Struct({
  ...Common,
  kind: Schema.Literal("assign"),
  assignment: Schema.Union([
    Schema.Struct({ role: Schema.String, ...AssignmentFields }),
    Schema.Struct({ permission: Schema.String, ...AssignmentFields }),
  ]),
});

export const LandingCase = Schema.Struct({ ...Common, kind: Schema.Literal("landing") });

export const ConformanceCase = Schema.Union([CheckCase, AssignCase, LandingCase]);
export type ConformanceCase = typeof ConformanceCase.Type;
