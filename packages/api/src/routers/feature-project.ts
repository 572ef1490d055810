// What the Feature project routers (environments, flags) share: a project's scope as the engine reads it, and
// the question "may the actor create <entity> in this Feature project?", inside the project's organization.
import { type ProjectRecord, Projects, projectResource } from "@gatehouse/store";
import type { AskContext, DeclaredChange } from "../authorize.ts";
import { badRequest } from "../refusals.ts";

/** The project's place: organization, Experimentation, its instance and itself. */
export const projectScope = (project: ProjectRecord) => ({
  org: project.org,
  product: "experimentation",
  instance: project.instance,
  project: project.id,
});

/**
 * Declares `action` at the Feature project `input.project`: its organization is the boundary (another
 * organization's project is NOT_FOUND like a made-up one); inside it, a Web project is BAD_REQUEST.
 */
export const askInFeatureProject =
  (action: string) =>
  async (input: { readonly project: string }, { store }: AskContext): Promise<DeclaredChange> => {
    const project = await store.run(Projects.use((p) => p.get(input.project)));
    return {
      orgs: [project.org],
      missing: `No project "${input.project}"`,
      ask: () => {
        if (project.platform !== "feature")
          throw badRequest(`project: "${project.name}" is not a Feature project`);
        return { check: { action, resource: projectResource(project) } };
      },
    };
  };
