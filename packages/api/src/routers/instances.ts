// Product instances of an organization: list (rows the engine lets the actor view); create, rename and remove
// by a Super Admin of the organization, each authorized through authorizedMutation and audited.
import { AtVersionInput, Id, Name, RenameInput } from "@gatehouse/contracts";
import { type InstanceRecord, Instances, instanceResource, newId, Organizations } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { type AskContext, authorizedMutation, authorizedQuery, type DeclaredChange } from "../authorize.ts";
import { badRequest, conflict, missing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { nothingUnderway, removalRefusal } from "./instance-removal.ts";

// Rules: docs/decisions.md#admin-center (instances: the super admin test).

const ListInput = Schema.Struct({ org: Id, product: Schema.optionalKey(Id) });
const CreateInput = Schema.Struct({
  org: Id,
  product: Id,
  name: Name,
  production: Schema.optionalKey(Schema.Boolean),
});

const SUPER_ADMIN = "admin-center:org.manage";
const VIEW = "admin-center:instance.view";

const view = (i: InstanceRecord) => ({
  id: i.id,
  org: i.org,
  product: i.product,
  name: i.name,
  production: i.production,
  version: i.version,
  /** The instance as the engine is asked about it (the apps' guards and access matrix ask the same). */
  resource: instanceResource(i),
});

const superAdmin = (org: string) => ({ check: { action: SUPER_ADMIN, resource: { org } } });

/**
 * The stored instance `id`, declared: its organization is the boundary; once inside it, the version read
 * (CONFLICT otherwise) and the Super Admin question there; `removing`, also what is underway on it (CONFLICT).
 */
const instanceAt = async (
  { store }: AskContext,
  id: string,
  version: number,
  removing?: true,
): Promise<DeclaredChange> => {
  const instance = await store.run(Instances.use((i) => i.get(id)));
  return {
    orgs: [instance.org],
    missing: missing("instance", id),
    ask: () => {
      if (instance.version !== version)
        throw conflict(
          `The instance "${instance.name}" was changed since version ${version} was read (it is at version ${instance.version}); reload it and try again`,
        );
      return superAdmin(instance.org);
    },
    ...(removing === undefined
      ? {}
      : {
          conflicts: async () => {
            const refusal = await store.run(removalRefusal(instance));
            if (refusal !== undefined) throw conflict(refusal);
          },
        }),
  };
};

export const instancesRouter = router({
  /** The organization's instances (of one product when given) the actor may view. */
  list: authorizedQuery(ListInput, (input) => ({ orgs: [input.org] })).query(async ({ ctx, input }) => {
    const rows = await ctx.store.run(Instances.use((i) => i.list(input.org, input.product)));
    return rows.filter((i) => ctx.may(VIEW, { org: i.org, product: i.product, instance: i.id })).map(view);
  }),

  /** A new instance of an enabled product. */
  create: authorizedMutation(CreateInput, (input, { store }) => ({
    orgs: [input.org],
    ask: async () => {
      const org = await store.run(Organizations.use((o) => o.get(input.org)));
      if (!org.products.includes(input.product))
        throw badRequest(`product: "${input.product}" is not enabled for ${input.org}`);
      return superAdmin(input.org);
    },
  })).mutation(async ({ ctx, input }) => {
    const id = newId("ins");
    const { value } = await ctx.write({
      org: input.org,
      action: "instance.create",
      target: { kind: "instance", id },
      run: Instances.use((i) =>
        i.create({
          id,
          org: input.org,
          product: input.product,
          name: input.name,
          production: input.production ?? null,
        }),
      ),
    });
    return view(value);
  }),

  /** Renames an instance, given the version read. */
  rename: authorizedMutation(RenameInput, (input, context) =>
    instanceAt(context, input.id, input.version),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "instance.rename",
      target: { kind: "instance", id: input.id },
      run: Instances.use((i) => i.rename(input.id, input.version, input.name)),
    });
    return view(value);
  }),

  /**
   * Removes an instance with everything below it, given the version read; not while an operation is underway on
   * it or a partner request for it waits (CONFLICT naming them, asked again inside the write).
   */
  remove: authorizedMutation(AtVersionInput, (input, context) =>
    instanceAt(context, input.id, input.version, true),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "instance.remove",
      target: { kind: "instance", id: input.id },
      run: Instances.use((i) =>
        Effect.flatMap(i.get(input.id), (instance) =>
          Effect.andThen(nothingUnderway(instance), i.remove(input.id, input.version)),
        ),
      ),
    });
    return view(value);
  }),
});
