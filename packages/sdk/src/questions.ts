// The questions a decision point answers, in the shapes the server's authz procedures take (subject, action,
// resource), and the options of each call (a consistency token).
import type { Decision, Resource } from "@gatehouse/domain";

/** May `subject` do `action` on `resource`? */
export interface CheckQuestion {
  readonly subject: string;
  readonly action: string;
  readonly resource: Resource;
}

/** Several actions and resources for one subject (at most 1,000, as the server's checkMany). */
export interface CheckManyQuestion {
  readonly subject: string;
  readonly checks: ReadonlyArray<{ readonly action: string; readonly resource: Resource }>;
}

/**
 * Several actions on each of several resources for one subject (at most 1,000 decisions, as the server's
 * checkResources): each resource is asked its own `actions`, else the question's.
 */
export interface CheckResourcesQuestion {
  readonly subject: string;
  readonly actions?: ReadonlyArray<string>;
  readonly resources: ReadonlyArray<{
    readonly resource: Resource;
    readonly actions?: ReadonlyArray<string>;
  }>;
}

/** checkResources' answer: per resource in their order, its actions' decisions in theirs. */
export type ResourceDecisions = ReadonlyArray<{ readonly decisions: ReadonlyArray<Decision> }>;

/** Which actions `subject` may do on `resource`? */
export interface WhatCanQuestion {
  readonly subject: string;
  readonly resource: Resource;
}

/** Per call: `atLeast` a consistency token (an audit position a write answered): answer only once it is applied. */
export interface CallOptions {
  readonly atLeast?: string;
}
