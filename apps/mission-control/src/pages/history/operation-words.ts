// The words the history uses for an operation: its status (with colour), how long it ran and what came of
// it, from the fields operations.history answers (which names the action itself: actionName).
import type { RouterOutputs } from "@gatehouse/client";

export type Operation = RouterOutputs["operations"]["history"]["items"][number];
export type OperationStatus = Operation["status"];

export const statuses: ReadonlyArray<OperationStatus> = [
  "submitted",
  "in-progress",
  "completed",
  "failed",
  "cancelled",
];

export const statusLabel: Record<OperationStatus, string> = {
  submitted: "Submitted",
  "in-progress": "In progress",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const statusColor: Record<OperationStatus, string> = {
  submitted: "gray",
  "in-progress": "blue",
  completed: "green",
  failed: "red",
  cancelled: "yellow",
};

export const when = (at: string): string => new Date(at).toLocaleString();

/** "0.4 s", "42 s", "3 min 5 s" between start and finish; null while it has not finished. */
export const duration = (op: Operation): string | null => {
  if (op.startedAt === null || op.finishedAt === null) return null;
  const ms = Math.max(0, Date.parse(op.finishedAt) - Date.parse(op.startedAt));
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

const usernameOf = (result: unknown): string | null =>
  typeof result === "object" &&
  result !== null &&
  "username" in result &&
  typeof (result as { username: unknown }).username === "string"
    ? (result as { username: string }).username
    : null;

/** What came of the operation, in a sentence. */
export const outcome = (op: Operation): string => {
  switch (op.status) {
    case "submitted":
      return op.scheduledFor === null ? "Waiting to start" : `Scheduled for ${when(op.scheduledFor)}`;
    case "in-progress":
      return "Running";
    case "completed": {
      const username = usernameOf(op.result);
      return username === null ? "Done" : `Credentials generated for ${username}`;
    }
    case "failed":
      return op.error ?? "Failed";
    case "cancelled":
      // The executor's reason when it cancelled the operation itself (its requester lost access).
      return op.error ?? "Cancelled before it started";
  }
};
