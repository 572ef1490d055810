// Accepting an invitation (route /accept?token=…), open to visitors without a session. Placeholder until
// its page is built.
import { EmptyState } from "@gatehouse/ui";

export const AcceptPage = () => (
  <EmptyState title="Accept your invitation">This page is being built.</EmptyState>
);
