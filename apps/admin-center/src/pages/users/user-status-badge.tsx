// A user's account status as a badge ("Active", "Invited", "Deactivated", "Removed"), the same in every list and
// on the details page; a deactivated account's badge says its roles count for nothing.
import { Badge } from "@mantine/core";

const shown: Record<string, { readonly label: string; readonly color: string; readonly hint?: string }> = {
  active: { label: "Active", color: "green" },
  invited: { label: "Invited", color: "blue", hint: "Has not accepted its invitation yet" },
  deactivated: {
    label: "Deactivated",
    color: "red",
    hint: "Cannot sign in; its roles count for nothing until it is reactivated",
  },
  disabled: { label: "Removed", color: "gray", hint: "Removed from the account" },
};

export const UserStatusBadge = ({ status }: { readonly status: string }) => {
  const { label, color, hint } = shown[status] ?? { label: status, color: "gray" };
  return (
    <Badge variant="light" color={color} title={hint}>
      {label}
    </Badge>
  );
};
