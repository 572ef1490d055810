// A role reaching the place the details were opened from that sits elsewhere (above the place, or through a
// group): it is not removed here, so its row links to where it sits instead of offering Edit or Delete.
import type { RouterOutputs } from "@gatehouse/client";
import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import { useProductLabel } from "../products/org-queries.ts";
import { instancePath, projectPath } from "../products/scope-paths.ts";

export type ReachRow = RouterOutputs["users"]["get"]["access"][number];

/** Where the grant of `row` can be changed: its group's page, or the place it sits at. */
const placeOf = (
  { via, sitsAt, where }: ReachRow,
  productLabel: (product: string) => string,
): { to: string; label: string } => {
  if (via !== null) return { to: `/groups/${encodeURIComponent(via.id)}`, label: `Open group ${via.name}` };
  if (sitsAt.project !== null) return { to: projectPath(sitsAt.project), label: `Open ${where}` };
  if (sitsAt.product !== null && sitsAt.instance !== null)
    return { to: instancePath(sitsAt.product, sitsAt.instance), label: `Open ${where}` };
  if (sitsAt.product !== null)
    return {
      to: `/products/${encodeURIComponent(sitsAt.product)}`,
      label: `Open ${productLabel(sitsAt.product)}`,
    };
  return { to: "/users", label: "Open the organization's users" };
};

/** "all environments", "this instance via group Release crew". */
export const whereReached = (row: ReachRow): string =>
  row.via === null ? row.where : `${row.where} via group ${row.via.name}`;

/** The link to where the role of `row` is given, saying it is changed there and not here. */
export const ReachedFrom = ({ row }: { row: ReachRow }) => {
  const place = placeOf(row, useProductLabel());
  return (
    <Text size="xs" c="dimmed">
      Given elsewhere: change it there ·{" "}
      <Anchor component={Link} to={place.to} size="xs">
        {place.label}
      </Anchor>
    </Text>
  );
};
