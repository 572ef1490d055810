// Partner access requests (route /access-requests). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const AccessRequestsPage = () => (
  <EmptyState title="Partner access requests">This page is being built.</EmptyState>
);
