// The what-if preview of a role change, before it is saved: per affected scope, the actions the user would
// gain (green) and lose (red), as the engine answers with the change applied (whatIf.preview; nothing is written).
import { type RouterInputs, useTRPC } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Paper, Stack, Text } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import { ActionBadges } from "./action-badges.tsx";
import { useScopeNames } from "./scope-names.ts";

type Change = RouterInputs["whatIf"]["preview"]["change"];

export const WhatIfPreview = ({ org, subject, change }: { org: string; subject: string; change: Change }) => {
  const trpc = useTRPC();
  const preview = useQuery(trpc.whatIf.preview.queryOptions({ subject, change }));
  const project = preview.data?.scopes.find((s) => s.scope.environment !== undefined)?.scope.project;
  const environments = useQuery(
    trpc.projects.environments.list.queryOptions(project === undefined ? skipToken : { project }),
  );
  const scopeName = useScopeNames(org, new Map(environments.data?.map((e) => [e.id, e.name])));
  if (preview.data === undefined) return <QueryState query={preview} loading="Working out what changes…" />;
  const changed = preview.data.scopes.filter((s) => s.gained.length > 0 || s.lost.length > 0);
  return (
    <Stack gap="xs" data-testid="what-if-preview">
      <Text size="sm" fw={600}>
        What changes if you save
      </Text>
      {changed.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing: the user keeps exactly the same actions.
        </Text>
      ) : (
        changed.map((s) => (
          <Paper key={JSON.stringify(s.scope)} withBorder p="xs">
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {scopeName(s.scope)}
              </Text>
              <ActionBadges title="Gains" color="green" actions={s.gained} />
              <ActionBadges title="Loses" color="red" actions={s.lost} />
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
};
