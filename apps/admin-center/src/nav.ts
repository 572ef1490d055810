// The Admin Center's navigation, in the order the seeds present its areas, each entry tagged with the section
// that offers it: the shell shows only the sections the server says the signed-in admin level may use.
import type { NavItem } from "@gatehouse/ui";

export const nav: ReadonlyArray<NavItem> = [
  { label: "Products", to: "/products", section: "products" },
  { label: "Projects", to: "/projects", section: "projects" },
  { label: "Users", to: "/users", section: "users" },
  { label: "Groups", to: "/groups", section: "groups" },
  { label: "Roles", to: "/roles", section: "roles" },
  { label: "Invitations", to: "/invitations", section: "invitations" },
  { label: "Outbox", to: "/outbox", section: "invitations" },
  { label: "Partner access", to: "/access-requests", section: "access-requests" },
  { label: "Access matrix", to: "/access-matrix", section: "access-matrix" },
  { label: "Audit log", to: "/audit", section: "audit" },
  { label: "API keys", to: "/api-keys", section: "api-keys" },
];
