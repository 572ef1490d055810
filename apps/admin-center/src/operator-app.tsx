// The platform operator's console in the Admin Center: it belongs to no organization, so instead of the
// organization admin's shell it gets its own: Organizations (provision, products, first super admin) and the
// support-ticket queue; signing in lands on Organizations.
import { SignedInApp } from "@gatehouse/ui";
import type { ReactElement } from "react";
import { page } from "./routes.tsx";

const OrganizationsPage = page(() => import("./pages/operator/organizations-page.tsx"), "OrganizationsPage");
const SupportTicketsPage = page(
  () => import("./pages/operator/support-tickets-page.tsx"),
  "SupportTicketsPage",
);

const nav = [
  { label: "Organizations", to: "/organizations" },
  { label: "Support tickets", to: "/support-tickets" },
];

const routes: ReadonlyArray<{ readonly path: string; readonly element: ReactElement }> = [
  { path: "/organizations", element: <OrganizationsPage /> },
  { path: "/support-tickets", element: <SupportTicketsPage /> },
];

export const OperatorApp = ({ open }: { open: Readonly<Record<string, ReactElement>> }) => (
  <SignedInApp product="Admin Center" nav={nav} home="/organizations" routes={routes} open={open} />
);
