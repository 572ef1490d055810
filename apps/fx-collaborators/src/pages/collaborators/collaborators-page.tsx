// Settings › Collaborators (route /projects/:project/collaborators). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const CollaboratorsPage = () => (
  <EmptyState title="Settings › Collaborators">This page is being built.</EmptyState>
);
