// Products the organization has enabled (route /products). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const ProductsPage = () => (
  <EmptyState title="Products the organization has enabled">This page is being built.</EmptyState>
);
