// An instance: its users (User Manager) or, for Experimentation, its projects (route /products/:product/instances/:instance). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const InstancePage = () => (
  <EmptyState title="An instance: its users (User Manager) or, for Experimentation, its projects">
    This page is being built.
  </EmptyState>
);
