// Invite users from pasted CSV (route /invite/bulk). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const BulkInvitePage = () => (
  <EmptyState title="Invite users from pasted CSV">This page is being built.</EmptyState>
);
