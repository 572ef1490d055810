// An audit action as people read it: the contracts' label of the code ("Signed in" for auth.login), or for a
// Mission Control operation the catalog's label of its action ("Restart site"); the code when neither has one.
import { auditActionLabels } from "@gatehouse/contracts";
import { operationName } from "./operation-name.ts";

export const auditActionName = (action: string): string => auditActionLabels[action] ?? operationName(action);
