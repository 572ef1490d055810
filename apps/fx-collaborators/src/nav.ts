// The collaborators app's navigation: the projects the user works in (a project's pages, settings › collaborators
// and flags, are reached from it) and the Web roles' access table.
import type { NavItem } from "@gatehouse/ui";

export const nav: ReadonlyArray<NavItem> = [
  { label: "Projects", to: "/projects" },
  { label: "Web roles", to: "/web/roles" },
];
