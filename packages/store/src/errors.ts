// The store's domain failures: a missing object, a stale version, a refused change, a change not yet applied
// here, refused demo data. Infrastructure failures (a lost connection, a broken statement) are defects, not these.
import { Schema } from "effect";

export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  kind: Schema.String,
  id: Schema.String,
}) {
  override get message() {
    return `No ${this.kind} "${this.id}"`;
  }
}

export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  kind: Schema.String,
  id: Schema.String,
  expected: Schema.Number,
}) {
  override get message() {
    return `This ${this.kind} was changed or deleted since version ${this.expected} was read; reload it and try again`;
  }
}

/** A write clashed with a row that exists; `constraint` is for logs, the message names no schema object. */
export class AlreadyExists extends Schema.TaggedError<AlreadyExists>()("AlreadyExists", {
  kind: Schema.String,
  constraint: Schema.String,
  /** What happened in the caller's words, e.g. "ann@acme.example was invited meanwhile". */
  reason: Schema.optionalKey(Schema.String),
}) {
  override get message() {
    return this.reason ?? `This ${this.kind} already exists`;
  }
}

export class InvalidChange extends Schema.TaggedError<InvalidChange>()("InvalidChange", {
  reason: Schema.String,
}) {
  override get message() {
    return `Invalid change: ${this.reason}`;
  }
}

/**
 * A consistency token this process's engine has not applied: not within the wait (`late`), or too many requests
 * wait for changes already (`crowded`). It names only the caller's own token.
 */
export class NotYetApplied extends Schema.TaggedError<NotYetApplied>()("NotYetApplied", {
  token: Schema.String,
  reason: Schema.Literals(["late", "crowded"]),
}) {
  override get message() {
    return this.reason === "late"
      ? `This server has not yet applied change ${this.token}; try again`
      : `Too many requests on this server wait for changes; try again shortly`;
  }
}

/**
 * Under an organization's write lock, this process has not applied its newest change (`position`) yet: a write
 * checking its authority waits for it outside the lock and tries again (EngineSync.caughtUp).
 */
export class EngineBehind extends Schema.TaggedError<EngineBehind>()("EngineBehind", {
  position: Schema.String,
}) {
  override get message() {
    return `This server has not yet applied change ${this.position}; try again`;
  }
}

export class DemoDataRefused extends Schema.TaggedError<DemoDataRefused>()("DemoDataRefused", {
  reason: Schema.String,
}) {
  override get message() {
    return `Demo data refused: ${this.reason}`;
  }
}

/** Every failure a repository write may report. */
export type WriteError = NotFound | VersionConflict | AlreadyExists | InvalidChange;
