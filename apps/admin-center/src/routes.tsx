// The Admin Center's pages by path (inside the router's /admin-center basename), one module per page, each
// loaded when first visited (its own chunk), so signing in downloads only the shell. A section's own pages name
// it: a direct visit by an admin level without it shows "not available to your role".
import type { AppRoute } from "@gatehouse/ui";
import { type ComponentType, lazy } from "react";

/** A page component loaded on first render from its module's named export. */
export const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const AccessMatrixPage = page(
  () => import("./pages/access-matrix/access-matrix-page.tsx"),
  "AccessMatrixPage",
);
const AccessRequestsPage = page(
  () => import("./pages/access-requests/access-requests-page.tsx"),
  "AccessRequestsPage",
);
const ApiKeysPage = page(() => import("./pages/api-keys/api-keys-page.tsx"), "ApiKeysPage");
const AuditPage = page(() => import("./pages/audit/audit-page.tsx"), "AuditPage");
const GroupPage = page(() => import("./pages/groups/group-page.tsx"), "GroupPage");
const GroupsPage = page(() => import("./pages/groups/groups-page.tsx"), "GroupsPage");
const InvitationsPage = page(() => import("./pages/invitations/invitations-page.tsx"), "InvitationsPage");
const OutboxPage = page(() => import("./pages/outbox/outbox-page.tsx"), "OutboxPage");
const InstancePage = page(() => import("./pages/products/instance-page.tsx"), "InstancePage");
const InstancesPage = page(() => import("./pages/products/instances-page.tsx"), "InstancesPage");
const ProductsPage = page(() => import("./pages/products/products-page.tsx"), "ProductsPage");
const ProjectPage = page(() => import("./pages/products/project-page.tsx"), "ProjectPage");
const ProjectsPage = page(() => import("./pages/products/projects-page.tsx"), "ProjectsPage");
const NewRolePage = page(() => import("./pages/roles/new-role-page.tsx"), "NewRolePage");
const RolePage = page(() => import("./pages/roles/role-page.tsx"), "RolePage");
const RolesPage = page(() => import("./pages/roles/roles-page.tsx"), "RolesPage");
const BulkInvitePage = page(() => import("./pages/users/bulk-invite-page.tsx"), "BulkInvitePage");
const InvitePage = page(() => import("./pages/users/invite-page.tsx"), "InvitePage");
const UserDetailsPage = page(() => import("./pages/users/user-details-page.tsx"), "UserDetailsPage");
const UsersPage = page(() => import("./pages/users/users-page.tsx"), "UsersPage");

const section = {
  products: { id: "products", name: "Products" },
  users: { id: "users", name: "Users" },
  groups: { id: "groups", name: "Groups" },
  roles: { id: "roles", name: "Roles" },
  invitations: { id: "invitations", name: "Invitations" },
  accessRequests: { id: "access-requests", name: "Partner access" },
  accessMatrix: { id: "access-matrix", name: "The access matrix" },
  audit: { id: "audit", name: "The audit log" },
  apiKeys: { id: "api-keys", name: "API keys" },
} as const;

export const routes: ReadonlyArray<AppRoute> = [
  { path: "/products", element: <ProductsPage />, section: section.products },
  { path: "/products/:product", element: <InstancesPage /> },
  { path: "/products/:product/instances/:instance", element: <InstancePage /> },
  { path: "/projects", element: <ProjectsPage /> },
  { path: "/projects/:project", element: <ProjectPage /> },
  { path: "/users", element: <UsersPage />, section: section.users },
  { path: "/users/:id", element: <UserDetailsPage /> },
  { path: "/invite", element: <InvitePage /> },
  { path: "/invite/bulk", element: <BulkInvitePage /> },
  { path: "/groups", element: <GroupsPage />, section: section.groups },
  { path: "/groups/:id", element: <GroupPage />, section: section.groups },
  { path: "/roles", element: <RolesPage />, section: section.roles },
  { path: "/roles/new", element: <NewRolePage />, section: section.roles },
  { path: "/roles/:id", element: <RolePage />, section: section.roles },
  { path: "/invitations", element: <InvitationsPage />, section: section.invitations },
  { path: "/outbox", element: <OutboxPage /> },
  { path: "/access-requests", element: <AccessRequestsPage />, section: section.accessRequests },
  { path: "/audit", element: <AuditPage />, section: section.audit },
  { path: "/access-matrix", element: <AccessMatrixPage />, section: section.accessMatrix },
  { path: "/api-keys", element: <ApiKeysPage />, section: section.apiKeys },
];
