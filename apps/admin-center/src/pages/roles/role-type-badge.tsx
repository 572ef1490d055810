// The Type column's badge: a system role (comes with its product, read-only) or a custom role (the organization's).
// One look for the roles list and the role page.
import { Badge } from "@mantine/core";

export const RoleTypeBadge = ({ type }: { type: string }) =>
  type === "system" ? (
    <Badge variant="light" color="gray" miw={84} styles={{ label: { overflow: "visible" } }}>
      System
    </Badge>
  ) : (
    <Badge variant="light" color="indigo" miw={84} styles={{ label: { overflow: "visible" } }}>
      Custom
    </Badge>
  );
