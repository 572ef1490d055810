// Your Feature Experimentation projects (route /projects). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const ProjectsPage = () => (
  <EmptyState title="Your Feature Experimentation projects">This page is being built.</EmptyState>
);
