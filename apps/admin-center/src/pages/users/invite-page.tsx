// Invite users (route /invite). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const InvitePage = () => <EmptyState title="Invite users">This page is being built.</EmptyState>;
