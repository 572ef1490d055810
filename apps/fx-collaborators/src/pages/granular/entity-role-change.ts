// Setting an entity role at one or more scopes (a flag's role is set in every environment of the project):
// creates, updates or removes the collaborator's explicit grant at each, so "Default" removes the override.
import { type Resource, useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";
import { explicitAt, type GrantRow, shortRole } from "./entity-grants.ts";

export interface EntityRoleChange {
  readonly scopes: ReadonlyArray<Resource>;
  /** The role to give (its id), or "default" to remove the explicit grant. */
  readonly role: string;
  /** What the toast names, e.g. "Production". */
  readonly where: string;
}

export const useEntityRoleChange = (user: string, grants: ReadonlyArray<GrantRow>) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ scopes, role }: EntityRoleChange) => {
      for (const scope of scopes) {
        const current = explicitAt(grants, scope);
        if (role === "default") {
          if (current !== undefined)
            await client.grants.remove.mutate({ id: current.id, version: current.version });
        } else if (current === undefined)
          await client.grants.create.mutate({
            subject: { kind: "user", id: user },
            role,
            scope,
          });
        else if (current.role !== role)
          await client.grants.update.mutate({ id: current.id, version: current.version, role });
      }
    },
    onSuccess: (_done, { role, where }) =>
      toast.success(
        role === "default" ? `${where} follows the project role again` : `${where}: ${shortRole(role)}`,
      ),
    onError: toast.failure,
    onSettled: () => refresh.after("grant.added", "grant.removed"),
  });
};
