// Whether an instance may be removed now: not while an operation waits or runs on it (it would vanish mid-way,
// unfinished and untold), nor while partner requests for it wait for an answer (the partner would get none).
/** An operation not finished on the instance: its action's name, whether it runs, and when it is scheduled. */
export interface UnderwayOperation {
  readonly actionName: string;
  readonly running: boolean;
  readonly scheduledFor: Date | null;
}

// No instant: a server's clock words would not be the reader's time zone (the History shows when).
const underwayWords = (op: UnderwayOperation): string =>
  `${op.actionName} (${op.running ? "running" : op.scheduledFor === null ? "waiting to start" : "scheduled"})`;

/**
 * Why the instance `name` may not be removed now, or undefined when it may: the operations underway on it, named,
 * and the partner requests for it still waiting for the customer or the operator, counted.
 */
export const instanceRemovalRefusal = (
  name: string,
  underway: ReadonlyArray<UnderwayOperation>,
  waitingRequests: number,
): string | undefined => {
  if (underway.length > 0)
    return `${name} cannot be removed while operations are underway on it: ${underway.map(underwayWords).join(", ")}. Cancel the waiting ones and let the running ones finish, then remove it`;
  if (waitingRequests > 0)
    return `${name} cannot be removed while ${waitingRequests === 1 ? "a partner access request waits" : `${waitingRequests} partner access requests wait`} for it: deny ${waitingRequests === 1 ? "it" : "them"} (or withdraw your approval) in Partner access first, so the partners learn the outcome`;
  return undefined;
};
