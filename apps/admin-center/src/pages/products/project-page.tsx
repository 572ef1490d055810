// A project's users (route /projects/:project). Placeholder until its page is built.
// Replaced by the page's real implementation; the route table in routes.tsx already points here.
import { EmptyState } from "@gatehouse/ui";

export const ProjectPage = () => <EmptyState title="A project's users">This page is being built.</EmptyState>;
