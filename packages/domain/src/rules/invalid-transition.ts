// The refusal of the domain's state machines (invitations, partner access requests): the event cannot happen
// in the object's status (`reason: "status"`) or never happens on its kind of object (`reason: "path"`).
import { Schema } from "effect";

export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  reason: Schema.Literals(["status", "path"]),
  /** Which machine: "invitation" or "access request". */
  machine: Schema.String,
  status: Schema.String,
  event: Schema.String,
  /** What a person reads. */
  detail: Schema.String,
}) {
  override get message() {
    return this.detail;
  }
}
