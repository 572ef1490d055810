// Create a custom role (route /roles/new). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const NewRolePage = () => (
  <EmptyState title="Create a custom role">This page is being built.</EmptyState>
);
