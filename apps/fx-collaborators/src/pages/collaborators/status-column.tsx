// The collaborator lists' Status column: invited or active as a badge, at its full width.
import type { Column } from "@gatehouse/ui";
import { Badge } from "@mantine/core";

const statusColor: Record<string, string> = { active: "green", invited: "blue" };

export const statusColumn = <Row extends { readonly status: string }>(): Column<Row> => ({
  id: "status",
  header: "Status",
  cell: ({ row }) => (
    <Badge
      variant="light"
      color={statusColor[row.original.status] ?? "gray"}
      style={{ overflow: "visible", minWidth: "max-content" }}
    >
      {row.original.status}
    </Badge>
  ),
});
