// A role's actions (route /roles/:id). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const RolePage = () => <EmptyState title="A role's actions">This page is being built.</EmptyState>;
