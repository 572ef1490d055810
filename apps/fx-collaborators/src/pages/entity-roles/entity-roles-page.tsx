// An environment's or a flag's roles (routes /projects/:project/environments/:environment/roles and
// /projects/:project/flags/:flag/roles), for whoever manages them: who holds one, change or remove it, give one.
import { errorCode, useSession } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState, QueryState } from "@gatehouse/ui";
import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { type EntityKind, type EntityRoles, type Holder, useEntityRoles } from "./entity-roles-query.ts";
import { GiveRole } from "./give-role.tsx";
import { HolderNote, HolderRole, RemoveHolder } from "./holder-role.tsx";

/** What a role on the entity does, as the model says (spec section 3). */
const scopeWords: Record<EntityKind, (name: string) => string> = {
  environment: (name) =>
    `An environment role decides what its holder may do to every flag's rules in ${name}, capped by their flag role.`,
  flag: (name) =>
    `A flag role decides what its holder may do to ${name} in every environment, new ones included; No Flag Access hides the flag.`,
};

const holderColumns = (roles: EntityRoles, me: string | undefined): Array<Column<Holder>> => [
  {
    id: "person",
    header: "Collaborator",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {row.original.holder.name}
          {row.original.holder.id === me ? " (you)" : ""}
        </Text>
        <Text size="xs" c="dimmed">
          {row.original.holder.email ?? "Group"}
        </Text>
      </Stack>
    ),
  },
  {
    id: "role",
    header: `Role on ${roles.entity.name}`,
    cell: ({ row }) => (
      <Stack gap={2}>
        <HolderRole holder={row.original} roles={roles.roles} entity={roles.entity.name} />
        <HolderNote holder={row.original} />
      </Stack>
    ),
  },
  {
    id: "remove",
    header: "",
    cell: ({ row }) => (
      <RemoveHolder holder={row.original} entity={roles.entity.name} self={row.original.holder.id === me} />
    ),
  },
];

const EntityRolesView = ({ roles, project }: { readonly roles: EntityRoles; readonly project: string }) => {
  const me = useSession().data?.id;
  const name = roles.entity.name;
  const flags = `/projects/${project}/flags`;
  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Projects", to: "/projects" },
          { label: roles.project.name, to: flags },
          { label: "Flags", to: flags },
          { label: `${name}'s roles` },
        ]}
      />
      <Title order={1} size="h2">
        {name}'s roles
      </Title>
      <Text size="sm" c="dimmed">
        {scopeWords[roles.entity.kind](name)} A collaborator of {roles.project.name} without a role here has
        the default their project role gives.
      </Text>
      <DataTable
        label={`${name}'s roles`}
        columns={holderColumns(roles, me)}
        rows={roles.holders}
        rowKey={(row) => row.grant}
        empty={{ title: "No one holds a role here", hint: "Everyone has the default of their project role." }}
      />
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h4">
            Give a role on {name}
          </Title>
          <GiveRole roles={roles} />
        </Stack>
      </Card>
    </Stack>
  );
};

/**
 * The server answers NOT_FOUND for an environment or flag removed (its project too), made up, or hidden from the
 * reader: said by the name last shown where there was one, never by the id of the address.
 */
const Gone = ({ kind, shown }: { readonly kind: EntityKind; readonly shown: EntityRoles | undefined }) => (
  <EmptyState
    title={
      shown === undefined
        ? `This ${kind} does not exist, or is not shown to you`
        : `${shown.entity.name} no longer exists`
    }
  >
    {shown === undefined
      ? "It may have been removed, or its project. "
      : `${shown.entity.name}, or its project ${shown.project.name}, was removed meanwhile. `}
    <Anchor component={Link} to="/projects">
      Back to your projects
    </Anchor>
  </EmptyState>
);

/**
 * The server answers FORBIDDEN to someone who does not (or no longer) manage the entity's roles, as after removing
 * its own admin role there: said in words with the way back, never over the table it may no longer read.
 */
const NotManaged = ({
  kind,
  shown,
}: {
  readonly kind: EntityKind;
  readonly shown: EntityRoles | undefined;
}) => (
  <EmptyState
    title={
      shown === undefined
        ? `You do not manage this ${kind}'s roles`
        : `You no longer manage ${shown.entity.name}'s roles`
    }
  >
    <Anchor component={Link} to="/projects">
      Back to your projects
    </Anchor>
  </EmptyState>
);

const EntityRolesOf = ({ kind, id }: { readonly kind: EntityKind; readonly id: string }) => {
  const project = useParams().project ?? "";
  const roles = useEntityRoles(kind, id);
  if (errorCode(roles.error) === "NOT_FOUND") return <Gone kind={kind} shown={roles.data} />;
  if (errorCode(roles.error) === "FORBIDDEN") return <NotManaged kind={kind} shown={roles.data} />;
  return (
    <QueryState query={roles} loading="Loading the roles…">
      {(data) => <EntityRolesView roles={data} project={project} />}
    </QueryState>
  );
};

export const EnvironmentRolesPage = () => (
  <EntityRolesOf kind="environment" id={useParams().environment ?? ""} />
);

export const FlagRolesPage = () => <EntityRolesOf kind="flag" id={useParams().flag ?? ""} />;
