// The audit log's vocabulary the filters offer: the actions the API records, by label, and the kinds of target
// they are about (free text is accepted too, so an action added later is still searchable by its code).
import { auditActionLabels } from "@gatehouse/contracts";

/** The actions offered by their labels (the contracts' table); a code typed instead is accepted too. */
export const auditActions = Object.values(auditActionLabels).sort();

export const targetKinds = [
  "access-request",
  "api-key",
  "audience",
  "environment",
  "flag",
  "grant",
  "group",
  "instance",
  "invitation",
  "operation",
  "organization",
  "project",
  "role",
  "user",
];
