// The collaborators app's pages by path (inside the router's /fx-collaborators basename), one module per
// page, each loaded when first visited: projects, a project's collaborators, its flags and audiences, an environment's
// or a flag's roles; a Web project's collaborators and the Web roles' access table.
import type { AppRoute } from "@gatehouse/ui";
import { type ComponentType, lazy } from "react";

/** A page component loaded on first render from its module's named export. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const ProjectsPage = page(() => import("./pages/projects/projects-page.tsx"), "ProjectsPage");
const CollaboratorsPage = page(
  () => import("./pages/collaborators/collaborators-page.tsx"),
  "CollaboratorsPage",
);
const FlagsPage = page(() => import("./pages/flags/flags-page.tsx"), "FlagsPage");
const WebCollaboratorsPage = page(
  () => import("./pages/web/web-collaborators-page.tsx"),
  "WebCollaboratorsPage",
);
const WebRoleMatrixPage = page(() => import("./pages/web/web-role-matrix-page.tsx"), "WebRoleMatrixPage");
const AudiencesPage = page(() => import("./pages/audiences/audiences-page.tsx"), "AudiencesPage");
const EnvironmentRolesPage = page(
  () => import("./pages/entity-roles/entity-roles-page.tsx"),
  "EnvironmentRolesPage",
);
const FlagRolesPage = page(() => import("./pages/entity-roles/entity-roles-page.tsx"), "FlagRolesPage");

export const routes: ReadonlyArray<AppRoute> = [
  { path: "/projects", element: <ProjectsPage /> },
  { path: "/projects/:project/collaborators", element: <CollaboratorsPage /> },
  { path: "/projects/:project/flags", element: <FlagsPage /> },
  { path: "/projects/:project/environments/:environment/roles", element: <EnvironmentRolesPage /> },
  { path: "/projects/:project/flags/:flag/roles", element: <FlagRolesPage /> },
  { path: "/web/:project/collaborators", element: <WebCollaboratorsPage /> },
  { path: "/web/roles", element: <WebRoleMatrixPage /> },
  { path: "/projects/:project/audiences", element: <AudiencesPage /> },
  {
    path: "/projects/:project/collaborators/:user",
    element: ((Page) => <Page />)(
      page(() => import("./pages/granular/collaborator-page.tsx"), "CollaboratorPage"),
    ),
  },
];
