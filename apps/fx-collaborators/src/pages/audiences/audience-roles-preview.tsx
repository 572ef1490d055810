// A collaborator's audience roles on a Feature project (part of the effective-permissions preview): per audience,
// the role the server's engine gives (the lowest over the flags and environments using it) and the use that set it.
import { errorCode, errorMessage, type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, DataTable } from "@gatehouse/ui";
import { Alert, Badge, Card, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

type Row = RouterOutputs["audiences"]["roles"][number];

const roleColor: Record<string, string> = {
  admin: "green",
  publisher: "green",
  editor: "blue",
  viewer: "gray",
  none: "red",
};

const columns: Array<Column<Row>> = [
  {
    id: "audience",
    header: "Audience",
    cell: ({ row }) => (
      <Text size="sm" fw={500}>
        {row.original.name}
      </Text>
    ),
  },
  {
    id: "role",
    header: "Audience role",
    cell: ({ row }) => (
      <Badge variant="light" tt="none" color={roleColor[row.original.role] ?? "gray"}>
        {row.original.roleLabel}
      </Badge>
    ),
  },
  {
    id: "decided",
    header: "Decided by",
    cell: ({ row }) => {
      const { decidedBy, use } = row.original;
      if (decidedBy === null) return <Text size="sm">No role on this project</Text>;
      return (
        <Text size="sm">
          {use === null
            ? `${decidedBy}, the project role (no using flag lowers it)`
            : `${decidedBy} on ${use.flagName ?? "a flag hidden from you"} in ${use.environmentName}`}
        </Text>
      );
    },
  },
];

export const AudienceRolesPreview = ({ project, user }: { project: string; user: string }) => {
  const trpc = useTRPC();
  const roles = useQuery(trpc.audiences.roles.queryOptions({ project, subject: user }));
  return (
    <Card withBorder data-testid="audience-roles">
      <Stack>
        <Title order={3}>Audience roles</Title>
        {errorCode(roles.error) === "FORBIDDEN" ? (
          <Alert color="yellow" title="You do not administer this project's users">
            {errorMessage(roles.error)}.
          </Alert>
        ) : (
          <DataTable
            label="Audience roles"
            columns={columns}
            rows={roles.data}
            rowKey={(row) => row.id}
            error={roles.error}
            onRetry={() => void roles.refetch()}
            empty={{ title: "No audiences", hint: "This project has no audiences yet." }}
          />
        )}
      </Stack>
    </Card>
  );
};
