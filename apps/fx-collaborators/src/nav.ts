// The collaborators app's navigation: the Feature projects the user works in; a project's pages (settings ›
// collaborators, flags) are reached from it.
import type { NavItem } from "@gatehouse/ui";

export const nav: ReadonlyArray<NavItem> = [{ label: "Projects", to: "/projects" }];
