// The audit log export: one row per entry, its time, who acted and on what, by name where the reader may see
// it (audit-names.ts) with the ids alongside, and the request it came with.
import type { AuditEntry } from "@gatehouse/store";

export const auditCsvHeader = [
  "Time",
  "Actor",
  "Actor id",
  "Action",
  "Target kind",
  "Target",
  "Target id",
  "Request id",
];

export const auditCsvRow = (
  entry: AuditEntry,
  names: { readonly actorName: string | null; readonly targetName: string | null },
): ReadonlyArray<string> => [
  entry.at.toISOString(),
  names.actorName ?? (entry.actorKind === "user" ? "A user of another organization" : entry.actorKind),
  entry.actorId ?? "",
  entry.action,
  entry.targetKind,
  names.targetName ?? entry.targetId ?? "",
  entry.targetId ?? "",
  entry.requestId ?? "",
];
