// Customers you can reach (route /customers). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const CustomersPage = () => (
  <EmptyState title="Customers you can reach">This page is being built.</EmptyState>
);
