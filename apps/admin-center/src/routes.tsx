// The Admin Center's pages by path (inside the router's /admin-center basename), one module per page.
// Products → instances → users (or projects → users for Experimentation), and the organization-wide areas.
import type { ReactElement } from "react";
import { AccessMatrixPage } from "./pages/access-matrix/access-matrix-page.tsx";
import { AccessRequestsPage } from "./pages/access-requests/access-requests-page.tsx";
import { AuditPage } from "./pages/audit/audit-page.tsx";
import { GroupPage } from "./pages/groups/group-page.tsx";
import { GroupsPage } from "./pages/groups/groups-page.tsx";
import { InvitationsPage } from "./pages/invitations/invitations-page.tsx";
import { InstancePage } from "./pages/products/instance-page.tsx";
import { InstancesPage } from "./pages/products/instances-page.tsx";
import { ProductsPage } from "./pages/products/products-page.tsx";
import { ProjectPage } from "./pages/products/project-page.tsx";
import { ProjectsPage } from "./pages/products/projects-page.tsx";
import { NewRolePage } from "./pages/roles/new-role-page.tsx";
import { RolePage } from "./pages/roles/role-page.tsx";
import { RolesPage } from "./pages/roles/roles-page.tsx";
import { BulkInvitePage } from "./pages/users/bulk-invite-page.tsx";
import { InvitePage } from "./pages/users/invite-page.tsx";
import { UserDetailsPage } from "./pages/users/user-details-page.tsx";
import { UsersPage } from "./pages/users/users-page.tsx";

export const routes: ReadonlyArray<{ readonly path: string; readonly element: ReactElement }> = [
  { path: "/products", element: <ProductsPage /> },
  { path: "/products/:product", element: <InstancesPage /> },
  { path: "/products/:product/instances/:instance", element: <InstancePage /> },
  { path: "/projects", element: <ProjectsPage /> },
  { path: "/projects/:project", element: <ProjectPage /> },
  { path: "/users", element: <UsersPage /> },
  { path: "/users/:id", element: <UserDetailsPage /> },
  { path: "/invite", element: <InvitePage /> },
  { path: "/invite/bulk", element: <BulkInvitePage /> },
  { path: "/groups", element: <GroupsPage /> },
  { path: "/groups/:id", element: <GroupPage /> },
  { path: "/roles", element: <RolesPage /> },
  { path: "/roles/new", element: <NewRolePage /> },
  { path: "/roles/:id", element: <RolePage /> },
  { path: "/invitations", element: <InvitationsPage /> },
  { path: "/access-requests", element: <AccessRequestsPage /> },
  { path: "/audit", element: <AuditPage /> },
  { path: "/access-matrix", element: <AccessMatrixPage /> },
];
