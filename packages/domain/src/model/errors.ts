// Typed failures of the permission model: unknown vocabulary is an error, never a silent deny.
// Each is a Schema.TaggedError, so it is both a thrown Error in the pure engine and a typed Effect failure.
import { Schema } from "effect";

export class UnknownAction extends Schema.TaggedError<UnknownAction>()("UnknownAction", {
  action: Schema.String,
}) {
  override get message() {
    return `Unknown action "${this.action}"`;
  }
}

export class UnknownRole extends Schema.TaggedError<UnknownRole>()("UnknownRole", {
  role: Schema.String,
}) {
  override get message() {
    return `Unknown role "${this.role}"`;
  }
}

export class UnknownSubject extends Schema.TaggedError<UnknownSubject>()("UnknownSubject", {
  subject: Schema.String,
}) {
  override get message() {
    return `Unknown subject "${this.subject}"`;
  }
}

export class InvalidScope extends Schema.TaggedError<InvalidScope>()("InvalidScope", {
  reason: Schema.String,
}) {
  override get message() {
    return `Invalid scope: ${this.reason}`;
  }
}

export class RoleDefinitionRejected extends Schema.TaggedError<RoleDefinitionRejected>()(
  "RoleDefinitionRejected",
  {
    role: Schema.String,
    reason: Schema.String,
  },
) {
  override get message() {
    return `Role "${this.role}" rejected: ${this.reason}`;
  }
}

export class InvalidMembership extends Schema.TaggedError<InvalidMembership>()("InvalidMembership", {
  group: Schema.String,
  member: Schema.String,
}) {
  override get message() {
    return `Only a user can join a group: ${this.member} cannot join ${this.group}`;
  }
}

/** A change names a grant the engine does not hold. */
export class UnknownGrant extends Schema.TaggedError<UnknownGrant>()("UnknownGrant", {
  grant: Schema.String,
}) {
  override get message() {
    return `No grant "${this.grant}"`;
  }
}

/** A change names a grant that another subject holds (what-if changes one subject's own grants). */
export class GrantNotHeld extends Schema.TaggedError<GrantNotHeld>()("GrantNotHeld", {
  grant: Schema.String,
  subject: Schema.String,
}) {
  override get message() {
    return `Grant "${this.grant}" is not held by ${this.subject}`;
  }
}

/** A grant no actor could make (spec section 6): a what-if or other change asked about one is refused with why. */
export class ImpossibleGrant extends Schema.TaggedError<ImpossibleGrant>()("ImpossibleGrant", {
  reason: Schema.String,
}) {
  override get message() {
    return `Invalid assignment: ${this.reason}`;
  }
}
