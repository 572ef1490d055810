// The Experimentation project roles (seed 004's seven on a Web project) one may give at chosen projects, widest first:
// where each sits (Administrator at the projects' instance, the others at each project) and the engine's answer there.
import { GrantScope } from "@gatehouse/contracts";
import { productsById, projectRoleOrder, type Scope } from "@gatehouse/domain";
import { Projects } from "@gatehouse/store";
import { Effect, Schema } from "effect";
import { authorizedQuery, type QueryContext } from "../authorize.ts";
import { reasonWords } from "../names/reason-words.ts";
import { badRequest, forbidden } from "../refusals.ts";
import { checkPlaces } from "./scope-places.ts";

// Rules: docs/decisions.md#web-experimentation (collaborators). Each answer is the question users.invite asks.

const PRODUCT = "experimentation";

export const ProjectRolesInput = Schema.Struct({
  scopes: Schema.Array(GrantScope).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20))),
});

const definitions = productsById.get(PRODUCT)?.roles ?? [];

/** Where a project role is given: at the project, or (a role the catalog gives only above it) at its instance. */
const sitsAt = (role: string): "project" | "instance" =>
  definitions.find((r) => r.id === role)?.levels?.includes("project") === false ? "instance" : "project";

const declare = (input: typeof ProjectRolesInput.Type, { actor }: QueryContext) => {
  if (actor.kind !== "user") throw forbidden("only a signed-in user assigns roles");
  return { orgs: input.scopes.map((s) => s.org), value: actor.id };
};

/** Every scope an Experimentation project of its organization (else BAD_REQUEST naming the field). */
const projectScopes = (scopes: ReadonlyArray<Scope>): ReadonlyArray<Scope & { project: string }> =>
  scopes.map((scope, i) => {
    const { project } = scope;
    if (scope.product !== PRODUCT || project === undefined || scope.environment !== undefined)
      throw badRequest(
        `scopes.${i}: an Experimentation project (product, instance and project, nothing below)`,
      );
    return { ...scope, project };
  });

export const projectRolesProcedure = authorizedQuery(ProjectRolesInput, declare).query(
  async ({ ctx, input }) => {
    const actor = ctx.declared;
    const scopes = projectScopes(input.scopes);
    for (const [i, scope] of scopes.entries()) await checkPlaces(ctx.store, scope, `scopes.${i}`);
    const projects = await ctx.store.run(
      Effect.forEach(scopes, (scope) => Projects.use((p) => p.get(scope.project))),
    );
    const instances = [
      ...new Map(scopes.map(({ org, product, instance }) => [instance, { org, product, instance }])).values(),
    ];
    const words = await reasonWords(ctx.store, actor, [...instances, ...scopes]);
    const roles = [];
    for (const id of projectRoleOrder) {
      const at = sitsAt(id);
      const answers =
        at === "instance"
          ? instances.map((scope) => ctx.engine.assign(actor, { role: id, scope, targetOrg: scope.org }))
          : scopes.map((scope, i) =>
              ctx.engine.assign(actor, {
                role: id,
                scope,
                targetOrg: scope.org,
                target: { platform: projects[i]?.platform ?? "feature" },
              }),
            );
      // A role no one could give there (a Web-only role on a Feature project) is not offered.
      if (answers.some((a) => a.decision === "invalid")) continue;
      const refused = answers.find((a) => a.decision === "deny");
      const definition = definitions.find((r) => r.id === id);
      roles.push({
        id,
        name: definition?.label ?? id,
        description: definition?.description ?? "",
        sitsAt: at,
        decision: refused === undefined ? ("allow" as const) : ("deny" as const),
        reason: words((refused ?? answers[0])?.reason ?? ""),
      });
    }
    return { roles };
  },
);
