// What a decision point refuses with: each a named Error class, so a backend can tell them apart (`instanceof`).
// The server's own refusals (a remote call) arrive as RemoteRefusal with the server's code and message.

/** Local answers are not fresh (no snapshot yet, or the stream lost longer than `maxStaleness`) and `fallback: "none"`. */
export class NotFresh extends Error {
  override readonly name = "NotFresh";
}

/** `atLeast` named a position the decision point did not apply within `atLeastTimeout` (and no remote fallback). */
export class PositionNotReached extends Error {
  override readonly name = "PositionNotReached";
  constructor(
    readonly token: string,
    readonly position: string,
  ) {
    super(`Position ${token} was not applied in time (the decision point is at ${position}); try again`);
  }
}

/** A question the decision point cannot answer: another organization's resource, an unknown subject, a bad token. */
export class BadQuestion extends Error {
  override readonly name = "BadQuestion";
}

/** The server refused a remote call (its tRPC or HTTP code and message), or could not be reached. */
export class RemoteRefusal extends Error {
  override readonly name = "RemoteRefusal";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
