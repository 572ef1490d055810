// The one engine question a Mission Control operation is authorized by: may the actor do the operation's action on
// its instance. operations.run and cancel ask it of the caller; the executor asks it of the requester at the start.
import type { OperationCheck } from "@gatehouse/domain";
import { type InstanceRecord, instanceResource } from "@gatehouse/store";

/** The question about `action` (`mission-control:…`) on `instance`, as the engine is asked it. */
export const operationCheck = (action: string, instance: InstanceRecord): OperationCheck => ({
  action,
  resource: instanceResource(instance),
});
