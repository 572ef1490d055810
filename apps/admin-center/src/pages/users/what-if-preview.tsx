// The what-if preview of a role change, before it is saved: per affected scope, the actions the user would
// gain (green) and lose (red), as the engine answers with the change applied (whatIf.preview; nothing is written).
import { type RouterInputs, type RouterOutputs, useTRPC } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Paper, Stack, Text } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import { ActionBadges } from "./action-badges.tsx";
import { useScopeNames } from "./scope-names.ts";

type Change = RouterInputs["whatIf"]["preview"]["change"];
type ScopeDiff = RouterOutputs["whatIf"]["preview"]["scopes"][number];

/**
 * The scopes of a what-if answer that change, each named, with its gains and losses (each action is told once,
 * at the widest scope: the server's answer); `nothing` when none changes.
 */
export const ScopeDiffs = ({
  org,
  title,
  scopes,
  nothing,
}: {
  org: string;
  title: string;
  scopes: ReadonlyArray<ScopeDiff>;
  nothing: string;
}) => {
  const trpc = useTRPC();
  const project = scopes.find((s) => s.scope.environment !== undefined)?.scope.project;
  const environments = useQuery(
    trpc.projects.environments.list.queryOptions(project === undefined ? skipToken : { project }),
  );
  const scopeName = useScopeNames(org, new Map(environments.data?.map((e) => [e.id, e.name])));
  const changed = scopes.filter((s) => s.gained.length > 0 || s.lost.length > 0);
  return (
    <Stack gap="xs" data-testid="what-if-preview">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {changed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {nothing}
        </Text>
      ) : (
        changed.map((s) => (
          <Paper key={JSON.stringify(s.scope)} withBorder p="xs" role="group" aria-label={scopeName(s.scope)}>
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

export const WhatIfPreview = ({ org, subject, change }: { org: string; subject: string; change: Change }) => {
  const trpc = useTRPC();
  const preview = useQuery(trpc.whatIf.preview.queryOptions({ subject, change }));
  if (preview.data === undefined) return <QueryState query={preview} loading="Working out what changes…" />;
  return (
    <ScopeDiffs
      org={org}
      title="What changes if you save"
      scopes={preview.data.scopes}
      nothing="Nothing: the user keeps exactly the same actions."
    />
  );
};
