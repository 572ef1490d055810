// Audit log (route /audit). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const AuditPage = () => <EmptyState title="Audit log">This page is being built.</EmptyState>;
