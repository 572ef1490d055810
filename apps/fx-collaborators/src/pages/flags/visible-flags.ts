// Where the signed-in user may see each flag: `experimentation:flag.view` per flag and environment in one
// checkMany (flag roles are granted per environment), so a flag whose role is flag-none everywhere is left out.
import { type Resource, useGatehouse, useSession } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import type { EnvironmentRow, FlagRow } from "./flag-toggle.tsx";

export interface VisibleFlag {
  readonly flag: FlagRow;
  /** The environments where the flag is visible to the user. */
  readonly environments: ReadonlySet<string>;
}

/** The flag in one environment, with the attributes its rows carry. */
const flagIn = (scope: Resource, flag: FlagRow, environment: EnvironmentRow): Resource => ({
  ...scope,
  environment: environment.id,
  flag: flag.id,
  attrs: { platform: "feature", production: environment.production, flagStatus: flag.status },
});

/** The flags the user may view somewhere, with where; undefined while asking. Keyed "can" for live refresh. */
export const useVisibleFlags = (
  scope: Resource | undefined,
  flags: ReadonlyArray<FlagRow> | undefined,
  environments: ReadonlyArray<EnvironmentRow> | undefined,
) => {
  const client = useGatehouse();
  const me = useSession().data?.id;
  return useQuery({
    queryKey: ["can", me, "experimentation:flag.view", scope, flags, environments],
    enabled: scope !== undefined && flags !== undefined && environments !== undefined && me !== undefined,
    queryFn: async (): Promise<VisibleFlag[]> => {
      const pairs = (flags ?? []).flatMap((flag) => (environments ?? []).map((env) => ({ flag, env })));
      if (pairs.length === 0 || scope === undefined) return [];
      const answers = await client.authz.checkMany.mutate({
        checks: pairs.map(({ flag, env }) => ({
          action: "experimentation:flag.view",
          resource: flagIn(scope, flag, env),
        })),
      });
      return (flags ?? [])
        .map((flag) => ({
          flag,
          environments: new Set(
            pairs.filter((p, i) => p.flag === flag && answers[i] === "allow").map((p) => p.env.id),
          ),
        }))
        .filter((v) => v.environments.size > 0);
    },
  });
};
