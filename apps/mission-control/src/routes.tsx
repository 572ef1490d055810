// Mission Control's pages by path (inside the router's /mission-control basename), one module per page, each
// loaded when first visited: customers → instances → instance detail, history, partner access.
import type { AppRoute } from "@gatehouse/ui";
import { type ComponentType, lazy } from "react";

/** A page component loaded on first render from its module's named export. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const CustomersPage = page(() => import("./pages/customers/customers-page.tsx"), "CustomersPage");
const CustomerPage = page(() => import("./pages/customers/customer-page.tsx"), "CustomerPage");
const InstancePage = page(() => import("./pages/instances/instance-page.tsx"), "InstancePage");
const HistoryPage = page(() => import("./pages/history/history-page.tsx"), "HistoryPage");
const PartnerAccessPage = page(
  () => import("./pages/partner-access/partner-access-page.tsx"),
  "PartnerAccessPage",
);

export const routes: ReadonlyArray<AppRoute> = [
  { path: "/customers", element: <CustomersPage /> },
  { path: "/customers/:customer", element: <CustomerPage /> },
  { path: "/customers/:customer/instances/:instance", element: <InstancePage /> },
  { path: "/history", element: <HistoryPage /> },
  { path: "/partner-access", element: <PartnerAccessPage /> },
];
