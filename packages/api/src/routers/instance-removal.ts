// Why an instance may not be removed now, read from the store (the domain's instanceRemovalRefusal): asked by
// instances.remove's declaration, so `may` answers it, and again inside the write, under the organization's lock.
import { instanceRemovalRefusal } from "@gatehouse/domain";
import { AccessRequests, AlreadyExists, type InstanceRecord, Operations } from "@gatehouse/store";
import { Effect } from "effect";
import { operationName } from "../names/operation-name.ts";

/** More than this many underway are not all named (the refusal stays a sentence). */
const NAMED = 5;

/** The refusal's words for removing `instance` now, or undefined when nothing is underway or waiting on it. */
export const removalRefusal = (instance: InstanceRecord) =>
  Effect.gen(function* () {
    const operations = yield* Operations;
    const underway = [
      ...(yield* operations.list({
        org: instance.org,
        instance: instance.id,
        status: "in-progress",
        limit: NAMED,
      })),
      ...(yield* operations.list({
        org: instance.org,
        instance: instance.id,
        status: "submitted",
        limit: NAMED,
      })),
    ].slice(0, NAMED);
    const requests = yield* AccessRequests;
    const open = [
      ...(yield* requests.list({ customerOrg: instance.org, status: "pending" })),
      ...(yield* requests.list({ customerOrg: instance.org, status: "customer-approved" })),
    ].filter((r) => r.instance === instance.id);
    return instanceRemovalRefusal(
      instance.name,
      underway.map((op) => ({
        actionName: operationName(op.action),
        running: op.status === "in-progress",
        scheduledFor: op.scheduledFor,
      })),
      open.length,
    );
  });

/** Inside the write: the refusal as a CONFLICT (in its words), the write rolled back. */
export const nothingUnderway = (instance: InstanceRecord) =>
  Effect.flatMap(removalRefusal(instance), (refusal) =>
    refusal === undefined
      ? Effect.void
      : Effect.fail(
          new AlreadyExists({
            kind: "instance",
            constraint: "nothing underway on a removed instance",
            reason: refusal,
          }),
        ),
  );
