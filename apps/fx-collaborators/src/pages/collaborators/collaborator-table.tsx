// A project's collaborators as one searched, keyset-paged table (users.list with the project scope), shared by the
// Feature and Web collaborator lists, which bring their own columns and empty-state hint.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, PagedTable, useSearchedPages } from "@gatehouse/ui";
import { Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FeatureProject } from "../projects/feature-projects.ts";

export type CollaboratorRow = RouterOutputs["users"]["list"]["items"][number];

/** Collaborators per page. */
const PAGE_SIZE = 20;

export interface CollaboratorTableProps {
  readonly project: FeatureProject;
  readonly columns: Array<Column<CollaboratorRow>>;
  /** What the empty list suggests before anything is searched. */
  readonly emptyHint: string;
}

export const CollaboratorTable = ({ project, columns, emptyHint }: CollaboratorTableProps) => {
  const trpc = useTRPC();
  const { searchBox, searched, pages, pageInput } = useSearchedPages("Search collaborators");
  const { org, ...scope } = project.scope;
  const users = useQuery(
    trpc.users.list.queryOptions(
      { org, scope, limit: PAGE_SIZE, ...pageInput },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <Stack gap="sm">
      {searchBox}
      <PagedTable
        label={`Collaborators of ${project.name}`}
        columns={columns}
        query={users}
        pages={pages}
        rowKey={(row) => row.id}
        empty={
          searched === ""
            ? { title: "No collaborators yet", hint: emptyHint }
            : {
                title: `No collaborator matches "${searched}"`,
                hint: "Search by part of a name or an email.",
              }
        }
      />
    </Stack>
  );
};
