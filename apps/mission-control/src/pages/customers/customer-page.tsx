// A customer's instances (route /customers/:customer). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const CustomerPage = () => (
  <EmptyState title="A customer's instances">This page is being built.</EmptyState>
);
