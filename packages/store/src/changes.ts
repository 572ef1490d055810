// The vocabulary of change notifications: what a committed mutation did, in terms the engine applies.
// Sent as JSON on the `gatehouse_changes` channel inside the mutation's transaction.
import type { Change } from "@gatehouse/domain";

/** The channel every committed change is announced on. */
export const changesChannel = "gatehouse_changes";

export type { Change };

/** One notification: the audit row it belongs to and (part of) its changes, in order. */
export interface ChangeNotice {
  readonly audit: string;
  readonly part: number;
  readonly parts: number;
  readonly changes: ReadonlyArray<Change>;
}

/** What a repository write did: its result, the audit snapshots and the changes to announce. */
export interface Written<A> {
  readonly value: A;
  readonly before: unknown;
  readonly after: unknown;
  readonly changes: ReadonlyArray<Change>;
}
