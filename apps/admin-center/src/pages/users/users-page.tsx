// The organization's users (route /users). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const UsersPage = () => (
  <EmptyState title="The organization's users">This page is being built.</EmptyState>
);
