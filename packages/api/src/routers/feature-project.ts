// What the Feature project routers (environments, flags) share: a project's scope as the engine reads it, and
// the question "may the actor create <entity> in this Feature project of its organization?".
import { type ProjectRecord, Projects } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect } from "effect";
import type { Ask, AskContext } from "../authorize.ts";

/** The project's place: organization, Experimentation, its instance and itself. */
export const projectScope = (project: ProjectRecord) => ({
  org: project.org,
  product: "experimentation",
  instance: project.instance,
  project: project.id,
});

/**
 * Declares `action` at a Feature project of the actor's organization: another organization's project is
 * NOT_FOUND, a Web project BAD_REQUEST.
 */
export const askInFeatureProject =
  (action: string) =>
  async (input: { readonly project: string }, { actor, store }: AskContext): Promise<Ask> => {
    const project = await store.run(Effect.flatMap(Effect.service(Projects), (p) => p.get(input.project)));
    if (project.org !== actor.org)
      throw new TRPCError({ code: "NOT_FOUND", message: `No project "${input.project}"` });
    if (project.platform !== "feature")
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `project: "${project.name}" is not a Feature project`,
      });
    return {
      check: { action, resource: { ...projectScope(project), attrs: { platform: project.platform } } },
    };
  };
