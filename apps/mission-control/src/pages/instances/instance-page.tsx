// An instance: facts, actions and history (route /customers/:customer/instances/:instance). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const InstancePage = () => (
  <EmptyState title="An instance: facts, actions and history">This page is being built.</EmptyState>
);
