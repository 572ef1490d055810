// The extra `flags_multiple_experiments` permission for one collaborator on the project: a switch that grants it
// (grants.create) or revokes it after a confirmation (grants.remove), disabled with the server's "Why?" for that call.
import { type Resource, useGatehouse, useMay, useRefresh } from "@gatehouse/client";
import { confirm, toast, WhyRefused } from "@gatehouse/ui";
import { Group, Stack, Switch, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type GrantRow, MULTIPLE_EXPERIMENTS } from "./entity-grants.ts";

export interface MultipleExperimentsProps {
  readonly user: string;
  readonly userName: string;
  readonly projectScope: Resource;
  readonly grants: ReadonlyArray<GrantRow>;
}

export const MultipleExperiments = ({ user, userName, projectScope, grants }: MultipleExperimentsProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const held = grants.find(
    (g) => g.permission === MULTIPLE_EXPERIMENTS && g.scope.project === projectScope.project,
  );
  const give = {
    subject: { kind: "user" as const, id: user },
    permission: MULTIPLE_EXPERIMENTS,
    scope: projectScope,
  };
  // The call the switch makes next, asked of the server with its very input.
  const next =
    held === undefined
      ? { procedure: "grants.create", input: give }
      : { procedure: "grants.remove", input: { id: held.id, version: held.version } };
  const may = useMay(next.procedure, next.input);
  const change = useMutation({
    mutationFn: async (grant: boolean) => {
      if (grant) await client.grants.create.mutate(give);
      else if (held !== undefined) await client.grants.remove.mutate({ id: held.id, version: held.version });
    },
    onSuccess: (_done, grant) =>
      toast.success(`${userName} ${grant ? "may now" : "may no longer"} create several experiments per flag`),
    onError: toast.failure,
    onSettled: () => refresh.after("grant.added", "grant.removed"),
  });
  return (
    <Stack gap={4} data-testid="multiple-experiments">
      <Group gap={6} wrap="nowrap">
        <Switch
          label="Multiple experiments per flag (flags_multiple_experiments)"
          checked={held !== undefined}
          disabled={change.isPending || may.allowed !== true}
          onChange={(event) => {
            const grant = event.currentTarget.checked;
            if (grant) change.mutate(true);
            else
              confirm({
                title: "Revoke flags_multiple_experiments?",
                message: `${userName} will no longer be able to add a second experiment to a flag in this project.`,
                confirmLabel: "Revoke",
                destructive: true,
                onConfirm: () => change.mutate(false),
              });
          }}
        />
        {may.answer?.allowed === false ? <WhyRefused reason={may.answer.reason} /> : null}
      </Group>
      <Text size="xs" c="dimmed">
        Needed, besides the role, to create a second experiment on a flag.
      </Text>
    </Stack>
  );
};
