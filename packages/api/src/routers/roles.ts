// Roles: the catalog's system roles (read-only) and the organization's custom roles — list, get with actions
// grouped by entity, create a custom role (from scratch or as a duplicate), edit and delete one, engine-authorized.
import {
  AtVersionInput,
  CreateCustomRoleInput,
  GetRoleInput,
  ListRolesInput,
  UpdateCustomRoleInput,
  ValidateCustomRoleInput,
} from "@gatehouse/contracts";
import { type CustomRoleRejected, checkCustomRole, customRoleName, productsById } from "@gatehouse/domain";
import { customRoleNameTaken, Instances, newId, type RoleRecord, Roles } from "@gatehouse/store";
import { Effect, identity, Option, Result } from "effect";
import {
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Change,
  type DeclaredChange,
  type QueryContext,
} from "../authorize.ts";
import { pageOf } from "../list-page.ts";
import { actionLabel } from "../names/action-label.ts";
import { badRequest, conflict, forbidden, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";

// Rules: docs/decisions.md#custom-roles

const CREATE = "admin-center:custom-role.create";
const DELETE = "admin-center:custom-role.delete";

const view = (role: RoleRecord) => ({
  id: role.id,
  product: role.product,
  type: role.type,
  name: role.name,
  description: role.description,
  instance: role.instance,
  duplicatedFrom: role.duplicatedFrom,
  permissions: role.permissions,
  version: role.version,
});

/** `product:entity.verb` actions grouped by entity, in the role's (sorted) order. */
const byEntity = (permissions: ReadonlyArray<string>) => {
  const groups = new Map<string, Array<{ readonly id: string; readonly label: string }>>();
  for (const id of permissions) {
    const entity = id.slice(id.indexOf(":") + 1).split(".")[0] ?? id;
    const list = groups.get(entity) ?? [];
    list.push({ id, label: actionLabel(id) });
    groups.set(entity, list);
  }
  return [...groups].map(([entity, actions]) => ({ entity, actions }));
};

/** The organization whose custom roles `actor` sees (none for the operator). */
const orgOf = ({ actor }: Pick<QueryContext, "actor">): string | undefined =>
  actor.kind === "operator" ? undefined : actor.org;

/** Everyone reads the system roles; its own organization's custom roles too (declared: which organization). */
const ownCustomRoles = (_input: unknown, context: QueryContext) => ({ value: orgOf(context) });

const readRole = (context: Pick<AskContext, "store">, id: string) =>
  context.store.run(Roles.use((roles) => roles.get(id)));

/**
 * The custom role `id`, declared (system → 400): its organization is the boundary (another's is 404); once inside
 * it, the version read (stale → 409) and `questions` about the role.
 */
const customRole = async (
  context: AskContext,
  id: string,
  version: number,
  questions: (role: RoleRecord) => Change,
): Promise<DeclaredChange> => {
  const role = await readRole(context, id);
  if (role.type === "system") throw badRequest(`${role.id}: system roles cannot be changed`);
  return {
    orgs: [role.org ?? ""],
    missing: missing("role", id),
    ask: () => {
      if (role.version !== version)
        throw conflict(
          `The custom role "${role.name}" was changed since version ${version} was read (it is at version ${role.version}); reload it and try again`,
        );
      return questions(role);
    },
  };
};

/** Where a custom role lives: its organization, product and (when it has one) instance. */
const scopeOfRole = (role: RoleRecord) => ({
  org: role.org ?? "",
  product: role.product,
  ...(role.instance === null ? {} : { instance: role.instance }),
});

/** The custom-role rule's answer (rules/custom-role.ts in the domain), or its refusal thrown: BAD_REQUEST. */
const ruled = <A>(result: Result.Result<A, CustomRoleRejected>): A => Result.getOrThrowWith(result, identity);

export const rolesRouter = router({
  /** System roles and the organization's custom roles, filtered by product, instance and type. */
  list: authorizedQuery(ListRolesInput, ownCustomRoles).query(async ({ ctx, input }) => {
    const org = ctx.declared;
    const roles = await ctx.store.run(
      Roles.use((r) => r.list({ org, product: input.product, instance: input.instance, type: input.type })),
    );
    return pageOf(roles, input).map(view);
  }),

  /** One role with its actions grouped by entity. */
  get: authorizedQuery(GetRoleInput, async (input, context) => {
    const role = await readRole(context, input.id);
    // A system role is everyone's vocabulary; a custom role lies in its organization (the operator sees none).
    if (role.type === "custom" && orgOf(context) === undefined) throw notFound("role", input.id);
    return {
      orgs: role.type === "custom" ? [role.org ?? ""] : [],
      missing: missing("role", input.id),
      value: role,
    };
  }).query(({ ctx }) => {
    const role = ctx.declared;
    return { ...view(role), actions: byEntity(role.permissions) };
  }),

  /** A custom role for one instance of a product, from scratch or duplicating another role of the product. */
  createCustom: authorizedMutation(CreateCustomRoleInput, async (input, context) => {
    const { actor } = context;
    if (input.duplicateFrom === undefined && input.permissions === undefined)
      throw badRequest("permissions: required unless duplicateFrom is given");
    ruled(checkCustomRole(productsById, { product: input.product, permissions: input.permissions ?? [] }));
    const create = {
      check: {
        action: CREATE,
        resource: { org: actor.org, product: input.product, instance: input.instance },
      },
    };
    if (input.duplicateFrom === undefined) return create;
    // A custom role to duplicate lies in its organization: another organization's answers like a missing one.
    const origin = await readRole(context, input.duplicateFrom);
    return {
      orgs: origin.type === "custom" ? [origin.org ?? ""] : [],
      missing: missing("role", input.duplicateFrom),
      ask: create,
    };
  }).mutation(async ({ ctx, input }) => {
    const id = `${input.product}:${newId("custom")}`;
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "role.create",
      target: { kind: "role", id },
      run: Roles.use((roles) =>
        roles.createCustom({
          id,
          org: ctx.actor.org,
          product: input.product,
          instance: input.instance,
          name: input.name,
          roleName: input.roleName,
          description: input.description,
          permissions: input.permissions,
          duplicateOf: input.duplicateFrom,
          createdBy: ctx.actor.id,
        }),
      ),
    });
    return view(value);
  }),

  /**
   * createCustom's dry run for the new-role form: the domain's custom-role rule on what the form has so far and
   * the name the role would be saved under, or the first problem (the field and the message a person reads).
   * Asked what Save asks: custom-role.create at the place.
   */
  validate: authorizedQuery(ValidateCustomRoleInput, (input, { actor }) => {
    if (actor.kind === "operator") throw forbidden("The platform operator has no custom roles");
    const resource = { org: actor.org, product: input.product, instance: input.instance };
    return { orgs: [actor.org], ask: [{ check: { action: CREATE, resource } }], value: actor.org };
  }).query(async ({ ctx, input }) => {
    const found = await ctx.store.run(Effect.option(Instances.use((i) => i.get(input.instance))));
    const instance = Option.filter(found, (i) => i.org === ctx.declared && i.product === input.product);
    const named = Result.flatMap(
      checkCustomRole(productsById, { product: input.product, permissions: input.permissions ?? [] }),
      (def) =>
        Option.isNone(instance)
          ? Result.succeed(null)
          : customRoleName({ product: def.label, instance: instance.value.name, role: input.roleName }),
    );
    if (Result.isFailure(named))
      return { name: null, problem: { field: named.failure.field, message: named.failure.message } };
    if (named.success === null) {
      // Another organization's instance reads as a missing one: the same words the store's write gives.
      const message = `instance: no ${input.product} instance "${input.instance}" in ${ctx.declared}`;
      return { name: null, problem: { field: "instance", message } };
    }
    const taken = await ctx.store.run(
      Roles.use((roles) => roles.list({ org: ctx.declared, product: input.product, type: "custom" })),
    );
    const name = named.success;
    if (taken.some((role) => role.name.toLowerCase() === name.toLowerCase())) {
      const product = productsById.get(input.product)?.label ?? input.product;
      return { name: null, problem: { field: "roleName", message: customRoleNameTaken(name, product) } };
    }
    return { name, problem: null };
  }),

  /** Renames, re-describes or redefines a custom role of the organization, given the version read. */
  updateCustom: authorizedMutation(UpdateCustomRoleInput, (input, context) =>
    customRole(context, input.id, input.version, (role) => {
      if (input.permissions !== undefined)
        ruled(checkCustomRole(productsById, { product: role.product, permissions: input.permissions }));
      return { check: { action: CREATE, resource: scopeOfRole(role) } };
    }),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "role.update",
      target: { kind: "role", id: input.id },
      run: Roles.use((roles) =>
        roles.updateCustom(input.id, input.version, {
          name: input.name,
          description: input.description,
          permissions: input.permissions,
        }),
      ),
    });
    return view(value);
  }),

  /** Deletes a custom role of the organization (and its grants), given the version read. */
  deleteCustom: authorizedMutation(AtVersionInput, (input, context) =>
    customRole(context, input.id, input.version, (role) => ({
      check: { action: DELETE, resource: scopeOfRole(role) },
    })),
  ).mutation(async ({ ctx, input }) => {
    const { value } = await ctx.write({
      org: ctx.actor.org,
      action: "role.delete",
      target: { kind: "role", id: input.id },
      run: Roles.use((roles) => roles.removeCustom(input.id, input.version)),
    });
    return { removed: view(value) };
  }),
});
