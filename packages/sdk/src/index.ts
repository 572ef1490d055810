// @gatehouse/sdk: a local decision point for product backends (createDecisionPoint), answering as the server's
// engine does from the organization's snapshot, kept current by the change stream. Usage: README.md.
export type { Backoff } from "./backoff.ts";
export {
  createDecisionPoint,
  type DecisionPoint,
  type DecisionPointOptions,
  type Freshness,
} from "./decision-point.ts";
export { BadQuestion, NotFresh, PositionNotReached, RemoteRefusal } from "./errors.ts";
export type { CallOptions, CheckManyQuestion, CheckQuestion, WhatCanQuestion } from "./questions.ts";
