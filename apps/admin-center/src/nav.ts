// The Admin Center's navigation, in the order the seeds present its areas.
// Every entry is visible to every admin; what a page lets them do is decided by the engine, control by control.
import type { NavItem } from "@gatehouse/ui";

export const nav: ReadonlyArray<NavItem> = [
  { label: "Products", to: "/products" },
  { label: "Users", to: "/users" },
  { label: "Groups", to: "/groups" },
  { label: "Roles", to: "/roles" },
  { label: "Invitations", to: "/invitations" },
  { label: "Outbox", to: "/outbox" },
  { label: "Partner access", to: "/access-requests" },
  { label: "Access matrix", to: "/access-matrix" },
  { label: "Audit log", to: "/audit" },
];
