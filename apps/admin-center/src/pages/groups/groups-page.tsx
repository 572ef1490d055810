// Groups (route /groups). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const GroupsPage = () => <EmptyState title="Groups">This page is being built.</EmptyState>;
