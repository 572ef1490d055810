// Mission Control's navigation: customers and their instances, the history of operations, partner access.
// Every role sees the same views; what each may run is decided by the engine, action by action.
import type { NavItem } from "@gatehouse/ui";

export const nav: ReadonlyArray<NavItem> = [
  { label: "Customers", to: "/customers" },
  { label: "History", to: "/history" },
  { label: "Partner access", to: "/partner-access" },
];
