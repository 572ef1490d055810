// A user's entitlements in the context opened from (route /users/:id). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const UserDetailsPage = () => (
  <EmptyState title="A user's entitlements in the context opened from">This page is being built.</EmptyState>
);
