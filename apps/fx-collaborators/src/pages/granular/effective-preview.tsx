// Effective permissions preview: pick an environment and a flag and see every Feature Experimentation action
// for the collaborator with allow/deny and the engine's reason (authz.explain per action, in batched rounds),
// about the flag's resource there as the server built it; above it, whether it sees the flag in each environment.
import { errorCode, errorMessage, type Resource, useGatehouse, useTRPC } from "@gatehouse/client";
import { actionsOn, type Column, DataTable, Loaded } from "@gatehouse/ui";
import { Alert, Badge, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useEnvironments, useFlags } from "../flags/project-place.ts";
import { FlagReach } from "./flag-reach.tsx";

/** Explanations asked per round: each round is one batched request. */
const ROUND = 10;

interface Row {
  readonly id: string;
  readonly label: string;
  readonly decision: "allow" | "deny";
  readonly reason: string;
}

/** The Feature project's actions (every Experimentation action not limited to Web), from the public catalog. */
const useFeatureActions = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.products.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    select: (products) =>
      actionsOn(products.find((p) => p.id === "experimentation")?.actions ?? [], "feature"),
  });
};

const columns: Array<Column<Row>> = [
  { id: "action", header: "Action", cell: ({ row }) => <Text size="sm">{row.original.label}</Text> },
  {
    id: "decision",
    header: "Decision",
    cell: ({ row }) => (
      <Badge color={row.original.decision === "allow" ? "green" : "red"} miw="max-content">
        {row.original.decision === "allow" ? "Allowed" : "Denied"}
      </Badge>
    ),
  },
  { id: "reason", header: "Reason", cell: ({ row }) => <Text size="sm">{row.original.reason}</Text> },
];

export const EffectivePreview = ({ project, user }: { project: string; user: string }) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const environments = useEnvironments(project);
  const flags = useFlags(project);
  const actions = useFeatureActions();
  const [environmentId, setEnvironment] = useState<string | null>(null);
  const [flagId, setFlag] = useState<string | null>(null);
  const environment = environments.data?.find((e) => e.id === (environmentId ?? environments.data?.[0]?.id));
  const flag = flags.data?.find((f) => f.id === (flagId ?? flags.data?.[0]?.id));
  // The flag in the environment exactly as the server asks about it (flags.list builds it from its rows).
  const resource = flag?.resources.find((r) => r.environment === environment?.id)?.resource;
  const rows = useQuery({
    // Under authz: live updates refresh it whenever decisions may have changed.
    queryKey: [...trpc.authz.pathKey(), "preview", user, resource, actions.data],
    enabled: resource !== undefined && actions.data !== undefined,
    queryFn: async (): Promise<Row[]> => {
      const all = actions.data ?? [];
      const out: Row[] = [];
      for (let i = 0; i < all.length; i += ROUND) {
        const round = all.slice(i, i + ROUND);
        const answers = await Promise.all(
          round.map((a) =>
            client.authz.explain.query({ subject: user, action: a.id, resource: resource as Resource }),
          ),
        );
        round.forEach((a, j) => {
          const answer = answers[j];
          if (answer !== undefined)
            out.push({ id: a.id, label: a.label, decision: answer.decision, reason: answer.reason });
        });
      }
      return out;
    },
  });
  const failed = environments.error ?? flags.error ?? actions.error;
  const lists =
    environments.data === undefined || flags.data === undefined
      ? undefined
      : { environments: environments.data, flags: flags.data };
  const retry = () => void Promise.all([environments.refetch(), flags.refetch(), actions.refetch()]);
  return (
    <Loaded data={lists} error={failed} onRetry={retry}>
      {(loaded) => (
        <Card withBorder data-testid="effective-preview">
          <Stack>
            <Title order={3}>Effective permissions</Title>
            <Group>
              <Select
                label="Environment"
                allowDeselect={false}
                value={environment?.id ?? null}
                data={loaded.environments.map((e) => ({
                  value: e.id,
                  label: e.production ? `${e.name} (production)` : e.name,
                }))}
                onChange={setEnvironment}
              />
              <Select
                label="Flag"
                allowDeselect={false}
                value={flag?.id ?? null}
                data={loaded.flags.map((f) => ({ value: f.id, label: `${f.name} (${f.status})` }))}
                onChange={setFlag}
              />
            </Group>
            <Text size="sm" c="dimmed">
              On a flag's rules in an environment the collaborator has the lower of its environment role and
              its flag role; the flag role is the same in every environment.
            </Text>
            {flag === undefined ? null : (
              <FlagReach user={user} flag={flag} environments={loaded.environments} />
            )}
            {errorCode(rows.error) === "FORBIDDEN" ? (
              <Alert color="yellow" title="You do not administer this project's users">
                Another person's decisions are shown to those who may view the users of the project (its
                project owners and administrators, and the organization's super admins).{" "}
                {errorMessage(rows.error)}.
              </Alert>
            ) : (
              <DataTable
                label="Effective permissions"
                columns={columns}
                rows={rows.data}
                rowKey={(row) => row.id}
                error={rows.error}
                onRetry={() => void rows.refetch()}
                empty={{
                  title: "Pick an environment and a flag",
                  hint: "The project needs at least one flag.",
                }}
              />
            )}
          </Stack>
        </Card>
      )}
    </Loaded>
  );
};
