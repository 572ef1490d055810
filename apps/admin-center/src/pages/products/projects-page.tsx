// The projects an admin manages (route /projects). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const ProjectsPage = () => (
  <EmptyState title="The projects an admin manages">This page is being built.</EmptyState>
);
