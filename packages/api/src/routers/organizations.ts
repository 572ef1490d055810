// Organizations and the products they enable: the platform operator provisions and enables (by its kind, not
// the engine: it is a member of no organization); members read their own organization, the operator any.
import { MAX_ID_LENGTH, OrganizationCreateInput, OrganizationId, Text, Version } from "@gatehouse/contracts";
import { products as catalogProducts } from "@gatehouse/domain";
import { type OrganizationRecord, Organizations } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { authorizedQuery, authorizedRead, operatorMutation, operatorOnly } from "../authorize.ts";
import { nothing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { FirstAdminInput, inviteFirstAdmin, superAdminHeld } from "./first-admin.ts";

// Rules: docs/decisions.md#tenancy (the operator provisions; the first super admin).

const knownProducts = catalogProducts.map((p) => p.id as string);
const Product = Text(MAX_ID_LENGTH).pipe(
  Schema.check(Schema.makeFilter((p: string) => knownProducts.includes(p) || `unknown product "${p}"`)),
);
const Products = Schema.Array(Product).pipe(Schema.check(Schema.isMaxLength(catalogProducts.length)));

const CreateInput = Schema.Struct({
  ...OrganizationCreateInput.fields,
  products: Schema.optionalKey(Products),
});
const SetProductsInput = Schema.Struct({ id: OrganizationId, version: Version, products: Products });
const GetInput = Schema.Struct({ id: Text(MAX_ID_LENGTH) });

const view = (org: OrganizationRecord) => ({
  id: org.id,
  name: org.name,
  kind: org.kind,
  products: org.products,
  version: org.version,
});

/** Provisioning: the operator only, by its actor kind. */
const PROVISIONS = "provisions organizations, enables products and invites first admins";

export const organizationsRouter = router({
  /** A new organization (with its Everyone group) and the products it enables. Operator only. */
  create: operatorMutation(PROVISIONS, CreateInput).mutation(async ({ ctx, input }) => {
    const products = [...new Set(input.products ?? [])];
    const { value } = await ctx.write({
      org: input.id,
      action: "organization.create",
      target: { kind: "organization", id: input.id },
      run: Organizations.use((o) => o.create({ id: input.id, name: input.name, kind: input.kind, products })),
    });
    return view(value);
  }),

  /** Enables exactly `products` for the organization, given the version read. Operator only. */
  setProducts: operatorMutation(PROVISIONS, SetProductsInput).mutation(async ({ ctx, input }) => {
    const products = [...new Set(input.products)];
    const { value } = await ctx.write({
      org: input.id,
      action: "organization.products.set",
      target: { kind: "organization", id: input.id },
      run: Organizations.use((o) => o.setProducts(input.id, input.version, products)),
    });
    return view(value);
  }),

  /** Invites an organization's first super admin; the accept link is returned once. Operator only. */
  inviteFirstAdmin: operatorMutation(PROVISIONS, FirstAdminInput).mutation(async ({ ctx, input }) =>
    inviteFirstAdmin(ctx, input),
  ),

  /** The actor's own organization with its enabled products. */
  mine: authorizedRead(({ actor }) => {
    if (actor.kind === "operator") throw nothing("The platform operator belongs to no organization");
    return { value: actor.org };
  }).query(async ({ ctx }) => view(await ctx.store.run(Organizations.use((o) => o.get(ctx.declared))))),

  /** One organization: its members or the operator. */
  get: authorizedQuery(GetInput, (input) => ({ orgs: [input.id] })).query(async ({ ctx, input }) =>
    view(await ctx.store.run(Organizations.use((o) => o.get(input.id)))),
  ),

  /** Every organization, each with whether a super admin (or a pending invitation of one) is in force there. */
  list: operatorOnly("lists organizations").query(async ({ ctx }) =>
    ctx.store.run(
      Effect.gen(function* () {
        const orgs = yield* Organizations.use((o) => o.list());
        const held = yield* Effect.all(orgs.map((org) => superAdminHeld(org.id)));
        return orgs.map((org, i) => ({ ...view(org), superAdmin: held[i] === true }));
      }),
    ),
  ),
});
