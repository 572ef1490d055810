// Whether the collaborator sees one flag in each environment of the project: the server's explanation of
// `experimentation:flag.view` on the flag's resource there (as flags.list built it), one badge per environment.
import { type Resource, useGatehouse, useTRPC } from "@gatehouse/client";
import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { EnvironmentRow, FlagRow } from "../flags/flag-toggle.tsx";

const FLAG_VIEW = "experimentation:flag.view";

export interface FlagReachProps {
  readonly user: string;
  readonly flag: FlagRow;
  readonly environments: ReadonlyArray<EnvironmentRow>;
}

export const FlagReach = ({ user, flag, environments }: FlagReachProps) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const places = environments.flatMap((environment) => {
    const resource = flag.resources.find((r) => r.environment === environment.id)?.resource;
    return resource === undefined ? [] : [{ environment, resource: resource as Resource }];
  });
  const answers = useQuery({
    // Under authz: live updates refresh it whenever decisions may have changed.
    queryKey: [...trpc.authz.pathKey(), "flag-reach", user, places.map((p) => p.resource)],
    enabled: places.length > 0,
    queryFn: () =>
      Promise.all(
        places.map((p) =>
          client.authz.explain.query({ subject: user, action: FLAG_VIEW, resource: p.resource }),
        ),
      ),
  });
  if (answers.data === undefined) return null;
  return (
    <Group gap="xs" data-testid="flag-reach">
      <Text size="sm" fw={500}>
        Sees {flag.name} in:
      </Text>
      {places.map((p, i) => {
        const answer = answers.data[i];
        const seen = answer?.decision === "allow";
        return (
          <Tooltip key={p.environment.id} label={answer?.reason ?? ""} multiline w={320}>
            <Badge color={seen ? "green" : "gray"} variant={seen ? "light" : "outline"}>
              {p.environment.name}: {seen ? "visible" : "hidden"}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
};
