// Flags (route /projects/:project/flags). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const FlagsPage = () => <EmptyState title="Flags">This page is being built.</EmptyState>;
