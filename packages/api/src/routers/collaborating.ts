// The Experimentation projects the signed-in collaborator works in, Feature and Web: those of its organization the
// engine lets it view, each with its platform, its instance's name and whether it manages its collaborators.
import { Instances, Projects, projectResource } from "@gatehouse/store";
import { Effect } from "effect";
import { authorizedRead } from "../authorize.ts";
import { nothing } from "../refusals.ts";
import { projectScope } from "./feature-project.ts";

// Rules: docs/decisions.md#feature-experimentation (projects), docs/decisions.md#web-experimentation.

const PRODUCT = "experimentation";
/** Viewing a project, per platform: a Feature project's `project.view`, a Web project's experiments. */
const VIEW = { feature: "experimentation:project.view", web: "experimentation:experiment.view" } as const;
const INVITE = "admin-center:user.invite";

/** The actor's projects it may view, by instance then name; the operator has none. */
export const collaboratingProcedure = authorizedRead(({ actor }) => {
  if (actor.kind === "operator") throw nothing("The platform operator belongs to no organization");
  return { value: actor.org };
}).query(async ({ ctx }) => {
  const org = ctx.declared;
  const [instances, projects] = await ctx.store.run(
    Effect.all([Instances.use((i) => i.list(org, PRODUCT)), Projects.use((p) => p.list({ org }))]),
  );
  const instanceName = new Map(instances.map((i) => [i.id, i.name]));
  return projects
    .filter((p) => ctx.may(VIEW[p.platform], projectResource(p)))
    .map((p) => ({
      id: p.id,
      name: p.name,
      platform: p.platform,
      instance: { id: p.instance, name: instanceName.get(p.instance) ?? p.instance },
      scope: projectScope(p),
      /** Whether it sees and invites the project's collaborators (Settings › Collaborators). */
      manages: ctx.may(INVITE, projectScope(p)),
    }))
    .sort((a, b) => a.instance.name.localeCompare(b.instance.name) || a.name.localeCompare(b.name));
});
