// Access by collaborator role (route /web/roles, seed 004): the Web project roles × actions table as the engine
// answers it (catalog.webRoleMatrix), an X per cell a role holds, marked with the footnotes the engine's answers give.
import { useTRPC } from "@gatehouse/client";
import { Crumbs, QueryState } from "@gatehouse/ui";
import { List, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Fragment } from "react";

export const WebRoleMatrixPage = () => {
  const trpc = useTRPC();
  const matrix = useQuery(trpc.catalog.webRoleMatrix.queryOptions());
  return (
    <Stack>
      <Crumbs items={[{ label: "Projects", to: "/projects" }, { label: "Web roles" }]} />
      <Title order={1} size="h2">
        Access by collaborator role
      </Title>
      <Text c="dimmed" size="sm">
        What each Web Experimentation role may do in a project, as the permission engine answers it. Roles
        from the most permissions (left) to the least (right).
      </Text>
      <QueryState query={matrix} loading="Asking the engine…">
        {({ roles, groups, notes }) => {
          const noteOf = (id: string) => notes.find((n) => n.id === id);
          return (
            <>
              <Table.ScrollContainer minWidth={900}>
                <Table striped withTableBorder aria-label="Access by collaborator role">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Action</Table.Th>
                      {roles.map((role) => (
                        <Table.Th key={role.id} scope="col" ta="center">
                          {role.name}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {groups.map((group) => (
                      <Fragment key={group.label}>
                        <Table.Tr>
                          <Table.Th scope="colgroup" colSpan={roles.length + 1} bg="gray.1">
                            {group.label}
                          </Table.Th>
                        </Table.Tr>
                        {group.rows.map((row) => (
                          <Table.Tr key={row.label} aria-label={`${group.label}: ${row.label}`}>
                            <Table.Th scope="row" fw="normal">
                              {row.label}
                            </Table.Th>
                            {row.cells.map((cell, i) => {
                              const role = roles[i]?.name ?? cell.role;
                              const cellNotes = cell.notes.map(noteOf);
                              const words = cell.holds
                                ? ["yes", ...cellNotes.map((n) => n?.label ?? "")].join(", ")
                                : "no";
                              return (
                                <Table.Td
                                  key={cell.role}
                                  ta="center"
                                  aria-label={`${role}: ${words}`}
                                  title={cellNotes.map((n) => n?.text).join("; ")}
                                >
                                  {cell.holds ? `X${cellNotes.map((n) => n?.mark ?? "").join(" ")}` : ""}
                                </Table.Td>
                              );
                            })}
                          </Table.Tr>
                        ))}
                      </Fragment>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <List size="sm" listStyleType="none" aria-label="Footnotes">
                {notes.map((note) => (
                  <List.Item key={note.id}>
                    {note.mark} {note.text} ({note.label})
                  </List.Item>
                ))}
              </List>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
};
