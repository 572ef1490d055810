// Partner access (route /partner-access). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const PartnerAccessPage = () => (
  <EmptyState title="Partner access">This page is being built.</EmptyState>
);
