// Roles (route /roles). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const RolesPage = () => <EmptyState title="Roles">This page is being built.</EmptyState>;
