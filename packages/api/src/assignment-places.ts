// What an assignment is judged with besides its scope: the stored project's platform, so that a Web-only role
// given at a Feature project is invalid on every path that gives a role (engine.assign decides; rules in domain).
import { Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Ask, Store } from "./authorize.ts";

type AssignAsk = Extract<Ask, { readonly assign: unknown }>;

const atProject = (q: Ask): q is AssignAsk =>
  "assign" in q &&
  q.removes !== true &&
  q.assign.scope.project !== undefined &&
  q.assign.target === undefined;

/**
 * `asks` with every assignment at a project (or below) carrying the project's `platform` from its stored row. A
 * removal (`removes`) is asked without it: a grant stored before the rule, where it gives nothing, can still be
 * taken away. A project that is not the scope's (another organization's, made-up) adds nothing: the places check
 * and the boundary answer for it.
 */
export const withPlatforms = async (store: Store, asks: ReadonlyArray<Ask>): Promise<ReadonlyArray<Ask>> => {
  const projects = [...new Set(asks.filter(atProject).map((q) => q.assign.scope.project ?? ""))];
  if (projects.length === 0) return asks;
  const found = await store.run(
    Effect.forEach(projects, (id) => Effect.option(Projects.use((p) => p.get(id)))),
  );
  const rows = new Map(found.flatMap((row) => (Option.isSome(row) ? [[row.value.id, row.value]] : [])));
  return asks.map((q) => {
    if (!atProject(q)) return q;
    const project = rows.get(q.assign.scope.project ?? "");
    if (
      project === undefined ||
      project.org !== q.assign.scope.org ||
      project.instance !== q.assign.scope.instance
    )
      return q;
    return { ...q, assign: { ...q.assign, target: { platform: project.platform } } };
  });
};
