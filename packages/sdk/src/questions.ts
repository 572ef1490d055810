// The questions a decision point answers, in the shapes the server's authz procedures take (subject, action,
// resource), and the options of each call (a consistency token).
import type { Resource } from "@gatehouse/domain";

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

/** Which actions `subject` may do on `resource`? */
export interface WhatCanQuestion {
  readonly subject: string;
  readonly resource: Resource;
}

/** Per call: `atLeast` a consistency token (an audit position a write answered): answer only once it is applied. */
export interface CallOptions {
  readonly atLeast?: string;
}
