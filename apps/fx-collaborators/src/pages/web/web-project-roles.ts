// The project roles the signed-in user may give at chosen projects as the server answers them (assignable.
// projectRoles: seed 004's seven on Web projects, Feature's five, widest first, where each sits, the answer).
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import type { WebProject } from "../projects/feature-projects.ts";

export type OfferedRole = RouterOutputs["assignable"]["projectRoles"]["roles"][number];

/** The served project roles at every one of `projects` (none asked while `projects` is empty or not `enabled`). */
export const useProjectRoles = (projects: ReadonlyArray<WebProject>, enabled = true) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.assignable.projectRoles.queryOptions(
      { scopes: projects.map((p) => p.scope) },
      { enabled: enabled && projects.length > 0 },
    ),
  );
};

/** Select options: a role the user may not give is shown disabled. */
export const roleOptions = (roles: ReadonlyArray<OfferedRole>) =>
  roles.map((role) => ({ value: role.id, label: role.name, disabled: role.decision === "deny" }));
