// Whether a stored Mission Control operation may start: when it starts, the engine is asked again the question its
// run was authorized by (its requester, its action, its instance), since grants end and accounts are deactivated.
import type { Engine } from "../engine/engine.ts";
import type { Resource } from "../model/resource.ts";

/** What an operation whose requester lost its right before it started says (History shows it). */
export const REQUESTER_LOST_ACCESS =
  "the requester no longer has access to run it here (its role was removed or expired, or its account " +
  "deactivated), so it did not run";

/** The question an operation is authorized by: may its requester do its action (`mission-control:…`) on it. */
export interface OperationCheck {
  readonly action: string;
  readonly resource: Resource;
}

/** Why the operation `requester` asked for may not start now, or undefined when it may. */
export const startRefusal = (engine: Engine, requester: string, check: OperationCheck): string | undefined =>
  engine.allows(requester, check.action, check.resource) ? undefined : REQUESTER_LOST_ACCESS;
