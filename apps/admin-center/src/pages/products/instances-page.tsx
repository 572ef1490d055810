// A product's instances (route /products/:product). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const InstancesPage = () => (
  <EmptyState title="A product's instances">This page is being built.</EmptyState>
);
