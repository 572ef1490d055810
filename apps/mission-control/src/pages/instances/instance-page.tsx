// An instance (route /customers/:customer/instances/:instance): its environment facts, the actions the user's
// role allows (confirm, optionally schedule, then follow the run live), its recent operations and its role holders.
import { errorCode } from "@gatehouse/client";
import { type Crumb, Crumbs, EmptyState, QueryState } from "@gatehouse/ui";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { type Instance, useCustomers, useInstances } from "../customers/customer-queries.ts";
import { EnvironmentBadge } from "../customers/environment-badge.tsx";
import { ActionButtons } from "./action-buttons.tsx";
import type { ActionInfo } from "./actions.ts";
import { type Credentials, CredentialsDialog, credentialsOf } from "./credentials-dialog.tsx";
import { HoldersList } from "./holders-list.tsx";
import { InstanceFacts } from "./instance-facts.tsx";
import { OperationTracker } from "./operation-tracker.tsx";
import { RecentOperations } from "./recent-operations.tsx";
import { RunDialog } from "./run-dialog.tsx";
import { type RunRequest, useRun } from "./use-run.ts";

export const InstancePage = () => {
  const params = useParams();
  const customer = params.customer ?? "";
  const id = params.instance ?? "";
  const instances = useInstances(customer);
  const instance = instances.data?.find((i) => i.id === id);
  // The names last shown, kept when access ends under the open page (the lists then no longer name them).
  const shown = useRef({ customer: "", instance: "" });
  const customerName = useCustomers().data?.find((c) => c.org === customer)?.name;
  if (customerName !== undefined) shown.current.customer = customerName;
  if (instance !== undefined) shown.current.instance = instance.name;
  const crumbs = [
    { label: "Customers", to: "/customers" },
    ...(shown.current.customer === ""
      ? []
      : [{ label: shown.current.customer, to: `/customers/${encodeURIComponent(customer)}` }]),
    { label: shown.current.instance === "" ? "Environment" : shown.current.instance },
  ];
  // Refused now (access taken away or the environment removed while the page is open): said in words, not over
  // the actions of an environment the user no longer reaches.
  if (errorCode(instances.error) === "NOT_FOUND" && shown.current.instance !== "")
    return (
      <Stack>
        <Crumbs items={crumbs} />
        <EmptyState title={`You no longer reach ${shown.current.instance}`}>
          {"Your access to it ended, or it was removed. "}
          <Anchor component={Link} to="/customers">
            Back to your customers
          </Anchor>
        </EmptyState>
      </Stack>
    );
  if (instance !== undefined) return <InstanceView instance={instance} crumbs={crumbs} />;
  return (
    <Stack>
      <Crumbs items={crumbs} />
      <QueryState
        query={instances}
        loading="Loading the environment…"
        empty={{
          title: "No such environment",
          hint: "It does not exist, or your roles do not reach it.",
          when: () => true,
        }}
      />
    </Stack>
  );
};

const InstanceView = ({ instance, crumbs }: { instance: Instance; crumbs: ReadonlyArray<Crumb> }) => {
  const run = useRun(instance.id);
  const [choosing, setChoosing] = useState<ActionInfo | null>(null);
  const [tracked, setTracked] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const submit = (request: RunRequest) =>
    run.mutate(request, {
      onSuccess: (answer) => {
        setChoosing(null);
        setTracked(answer.operation.id);
        setCredentials(credentialsOf(answer.once));
        run.reset();
      },
    });
  return (
    <Stack>
      <Crumbs items={crumbs} />
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {instance.name}
        </Title>
        <EnvironmentBadge production={instance.production} />
      </Group>
      <InstanceFacts facts={instance.facts} />
      <div>
        <Title order={4}>Actions</Title>
        <Text size="sm" c="dimmed" mb="xs">
          Every role sees the same views; the actions your role does not allow are disabled, with why.
        </Text>
        <ActionButtons production={instance.production} instance={instance.id} onChoose={setChoosing} />
      </div>
      {tracked === null ? null : <OperationTracker id={tracked} onDismiss={() => setTracked(null)} />}
      <RecentOperations org={instance.org} instance={instance.id} resource={instance.resource} />
      <HoldersList org={instance.org} instance={instance.id} />
      {choosing === null ? null : (
        <RunDialog
          instance={instance}
          info={choosing}
          pending={run.isPending}
          onRun={submit}
          onClose={() => setChoosing(null)}
        />
      )}
      {credentials === null ? null : (
        <CredentialsDialog credentials={credentials} onClose={() => setCredentials(null)} />
      )}
    </Stack>
  );
};
