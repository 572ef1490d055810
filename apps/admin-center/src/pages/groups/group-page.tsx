// A group's members and roles (route /groups/:id). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const GroupPage = () => (
  <EmptyState title="A group's members and roles">This page is being built.</EmptyState>
);
