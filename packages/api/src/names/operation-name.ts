// An operation type as people read it: "Database backup" for mission-control:database.backup, the catalog's
// label of the Mission Control action (its id when the catalog has none).
import { productsById } from "@gatehouse/domain";

export const operationName = (action: string): string =>
  productsById.get("mission-control")?.actions.find((a) => a.id === action)?.label ?? action;
