// Access matrix (route /access-matrix). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const AccessMatrixPage = () => (
  <EmptyState title="Access matrix">This page is being built.</EmptyState>
);
