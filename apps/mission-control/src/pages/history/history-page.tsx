// History of operations (route /history). Placeholder until its page is built.
// Replaced by the page's real implementation; routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const HistoryPage = () => (
  <EmptyState title="History of operations">This page is being built.</EmptyState>
);
