// A group (route /groups/:id): the roles the group gives (given and removed with the members' what-if), and its
// members (paged) with their own roles; a custom group's members are added (user search) and removed (confirmed).
import { useGatehouse, useRefresh, useSignedInOrg } from "@gatehouse/client";
import {
  type Column,
  ConfirmButton,
  Crumbs,
  CursorPager,
  DataTable,
  QueryState,
  toast,
  useCursorPages,
} from "@gatehouse/ui";
import { Alert, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useCatalog, useRoles } from "../roles/role-queries.ts";
import { useScopeNames } from "../users/scope-names.ts";
import { AddMember } from "./add-member.tsx";
import { kindLabel, type Member, useGroup } from "./group-queries.ts";
import { GroupRoles } from "./group-roles.tsx";

export const GroupPage = () => {
  const { id } = useParams();
  const org = useSignedInOrg();
  const client = useGatehouse();
  const refresh = useRefresh();
  const pages = useCursorPages();
  const group = useGroup(id, pages.cursor);
  const roles = useRoles({});
  const catalog = useCatalog();
  const scopeName = useScopeNames(org ?? "");
  const removeMember = useMutation({
    mutationFn: (member: Member) =>
      client.groups.removeMember.mutate({ groupId: id ?? "", userId: member.id }),
    onSuccess: (_, member) => {
      toast.success(`Removed ${member.name ?? member.id} from the group`);
      void refresh.after("member.removed");
    },
    onError: (error) => toast.failure(error),
  });
  /** A system role reads with its product ("Opti ID Admin Center Project Owner"); a custom role's name has it. */
  const roleName = (role: string | null, permission: string | null) => {
    if (role === null) return `permission ${permission ?? ""}`;
    const found = roles.data?.find((r) => r.id === role);
    if (found === undefined) return role;
    if (found.type === "custom") return found.name;
    return `${catalog.data?.find((p) => p.id === found.product)?.label ?? found.product} ${found.name}`;
  };

  const data = group.data;
  if (group.error !== null || data === undefined || org === undefined)
    return (
      <Stack>
        <Crumbs items={[{ label: "Groups", to: "/groups" }, { label: id ?? "Group" }]} />
        <QueryState query={group} loading="Loading the group…" />
      </Stack>
    );
  const custom = data.group.kind === "custom";

  const columns: Array<Column<Member>> = [
    { id: "name", header: "Name", cell: ({ row }) => row.original.name ?? row.original.id },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email ?? "" },
    {
      id: "roles",
      header: "Their own roles",
      cell: ({ row }) =>
        row.original.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {row.original.hiddenRoles === 0 ? "None of their own" : "Not shown to you"}
          </Text>
        ) : (
          <Stack gap={2}>
            {row.original.roles.map((r) => (
              <Text key={r.grant} size="sm">
                {roleName(r.role, r.permission)}{" "}
                <Text span size="xs" c="dimmed">
                  on {scopeName(r.scope)}
                </Text>
              </Text>
            ))}
            {row.original.hiddenRoles === 0 ? null : (
              <Text size="xs" c="dimmed">
                and {row.original.hiddenRoles} more not shown to you
              </Text>
            )}
          </Stack>
        ),
    },
    ...(custom
      ? [
          {
            id: "actions",
            header: "Actions",
            cell: ({ row }) => (
              <ConfirmButton
                procedure="groups.removeMember"
                input={{ groupId: data.group.id, userId: row.original.id }}
                ariaLabel={`Remove ${row.original.name ?? row.original.id}`}
                confirm={{
                  title: "Remove member",
                  message: `Remove ${row.original.name ?? row.original.id} from "${data.group.name}"? They lose the roles the group gives; their own roles stay.`,
                  confirmLabel: "Remove member",
                  cancelLabel: "Keep member",
                }}
                onConfirm={() => removeMember.mutate(row.original)}
              >
                Remove
              </ConfirmButton>
            ),
          } satisfies Column<Member>,
        ]
      : []),
  ];

  return (
    <Stack>
      <Crumbs items={[{ label: "Groups", to: "/groups" }, { label: data.group.name }]} />
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={1} size="h2">
            {data.group.name}
          </Title>
          <Badge variant="light">{kindLabel(data.group.kind)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {data.group.memberCount === 1 ? "1 member" : `${data.group.memberCount} members`}
          {data.group.description === "" ? "" : ` · ${data.group.description}`}
        </Text>
      </Stack>
      {custom ? null : (
        <Alert color="gray" title="Managed by Gatehouse">
          {data.group.kind === "everyone"
            ? "Everyone holds every user of the organization."
            : "A product group holds every user granted its role directly."}{" "}
          Its members cannot be changed by hand.
        </Alert>
      )}
      <GroupRoles
        org={org}
        group={data.group}
        roleName={roleName}
        names={new Map(data.members.map((m) => [m.id, m.name ?? m.email ?? "a member"]))}
      />
      {custom ? <AddMember groupId={data.group.id} groupName={data.group.name} org={org} /> : null}
      <DataTable
        label="Members"
        columns={columns}
        rows={data.members}
        rowKey={(row) => row.id}
        empty={{
          title: "No members yet",
          hint: custom ? "Search for a user above and add them." : "Members appear as users get the role.",
        }}
      />
      <CursorPager
        page={pages.page}
        nextCursor={data.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </Stack>
  );
};
