// Where the signed-in admin may invite users, which roles and single permissions it may give there (read-only):
// the engine's user.invite and assign answers, so a form offers exactly what users.invite or grants.create accept.
import { GrantScope, Id } from "@gatehouse/contracts";
import {
  products as catalog,
  type Engine,
  type Scope,
  spanningProducts,
  spansProducts,
} from "@gatehouse/domain";
import {
  Instances,
  Organizations,
  type ProjectPlatform,
  Projects,
  type RoleRecord,
  Roles,
} from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { authorizedQuery, authorizedRead, type Declared, type QueryContext } from "../authorize.ts";
import { badRequest, forbidden } from "../refusals.ts";
import { router } from "../trpc.ts";
import { projectRolesProcedure } from "./project-roles.ts";

// Rules: docs/decisions.md#delegation. Each answer is the question users.invite or grants.create asks
// (engine.assign), for a signed-in user about scopes of its own organization; nothing is written. A custom role
// outside its instance is invalid there (the domain's rules/custom-role.ts), so it is not offered.

const AssignableInput = Schema.Struct({
  scopes: Schema.Array(GrantScope).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20))),
});

const PermissionsInput = Schema.Struct({
  scope: GrantScope,
  permissions: Schema.Array(Id).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20))),
});

const USER_INVITE = "admin-center:user.invite";

interface Assigner {
  readonly id: string;
  readonly org: string;
}

/** A signed-in user (the only actor that assigns), or FORBIDDEN; `scopes` must lie in its organization. */
const assigner = ({ actor }: QueryContext, scopes: ReadonlyArray<Scope> = []): Declared<Assigner> => {
  if (actor.kind !== "user") throw forbidden("only a signed-in user assigns roles");
  return { orgs: scopes.map((s) => s.org), value: { id: actor.id, org: actor.org } };
};

/** Which roles may be given at `scopes`: the scopes' organization is the boundary. */
const assigning = (input: { readonly scopes: ReadonlyArray<Scope> }, context: QueryContext) =>
  assigner(context, input.scopes);

export interface AssignableRole {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly product: string;
  readonly type: "system" | "custom";
  readonly decision: "allow" | "deny";
  readonly reason: string;
}

/** The engine's combined answer for `role` over `scopes`: undefined when invalid at one of them. */
const decide = (
  engine: Engine,
  actor: string,
  role: RoleRecord,
  scopes: ReadonlyArray<Scope>,
  platforms: ReadonlyMap<string, ProjectPlatform>,
): AssignableRole | undefined => {
  let refused: string | undefined;
  let allowed = "";
  for (const scope of scopes) {
    const platform = scope.project === undefined ? undefined : platforms.get(scope.project);
    const answer = engine.assign(actor, {
      role: role.id,
      scope,
      targetOrg: scope.org,
      ...(platform === undefined ? {} : { target: { platform } }),
    });
    if (answer.decision === "invalid") return undefined;
    if (answer.decision === "deny") refused ??= answer.reason;
    else allowed = answer.reason;
  }
  const { id, name, description, product, type } = role;
  return refused === undefined
    ? { id, name, description, product, type, decision: "allow", reason: allowed }
    : { id, name, description, product, type, decision: "deny", reason: refused };
};

export const assignableRouter = router({
  /** The products, instances and projects of the actor's organization where it may invite users, with names. */
  scopes: authorizedRead(assigner).query(async ({ ctx }) => {
    const actor = ctx.declared;
    const org = actor.org;
    const [organization, instances, projects] = await ctx.store.run(
      Effect.all([
        Organizations.use((o) => o.get(org)),
        Instances.use((i) => i.list(org)),
        Projects.use((p) => p.list({ org })),
      ]),
    );
    const may = (scope: Scope) => ctx.may(USER_INVITE, scope);
    return organization.products
      .filter((product) => !spansProducts(product))
      .map((product) => ({
        id: product,
        label: catalog.find((p) => p.id === product)?.label ?? product,
        invitable: may({ org, product }),
        instances: instances
          .filter((i) => i.product === product)
          .map((i) => ({
            id: i.id,
            name: i.name,
            invitable: may({ org, product, instance: i.id }),
            projects: projects
              .filter((p) => p.instance === i.id && may({ org, product, instance: i.id, project: p.id }))
              .map((p) => ({ id: p.id, name: p.name, platform: p.platform })),
          }))
          .filter((i) => i.invitable || i.projects.length > 0),
      }))
      .filter((p) => p.invitable || p.instances.length > 0);
  }),

  /** The roles grantable at every one of `scopes` (one product), the product's first, then Admin Center's. */
  roles: authorizedQuery(AssignableInput, assigning).query(async ({ ctx, input }) => {
    const actor = ctx.declared;
    const scopes: ReadonlyArray<Scope> = input.scopes;
    const products = new Set(scopes.map((s) => s.product));
    const product = scopes[0]?.product;
    if (products.size !== 1 || product === undefined)
      throw badRequest("scopes: one product, named in every scope");
    const [candidates, projects] = await ctx.store.run(
      Effect.all([
        Roles.use((roles) =>
          Effect.all([
            roles.list({ org: actor.org, product }),
            ...spanningProducts.map((admin) => roles.list({ product: admin.id })),
          ]),
        ),
        Projects.use((p) => p.list({ org: actor.org })),
      ]),
    );
    // A project's platform decides whether Web-only roles are valid there.
    const platforms = new Map(projects.map((p) => [p.id, p.platform]));
    const seen = new Set<string>();
    const roles: AssignableRole[] = [];
    for (const role of candidates.flat()) {
      if (seen.has(role.id)) continue;
      seen.add(role.id);
      const answer = decide(ctx.engine, actor.id, role, scopes, platforms);
      if (answer !== undefined) roles.push(answer);
    }
    return { roles };
  }),

  /** The Experimentation project roles at chosen projects, widest first, where each sits and whether it may be given. */
  projectRoles: projectRolesProcedure,

  /** Whether the actor may give each single permission at `scope` (the question grants.create asks), and why. */
  permissions: authorizedQuery(PermissionsInput, (input, context) => assigner(context, [input.scope])).query(
    ({ ctx, input }) => {
      const actor = ctx.declared;
      const permissions = input.permissions.map((permission) => {
        const answer = ctx.engine.assign(actor.id, { permission, scope: input.scope, targetOrg: actor.org });
        return { permission, decision: answer.decision, reason: answer.reason };
      });
      return { permissions };
    },
  ),
});
