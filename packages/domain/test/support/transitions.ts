// Test support for the domain's state machines: one row of a status × event table, either the status the event
// leads to or the InvalidTransition it is refused with (its reason, the status and event, the words shown).
import { Result } from "effect";
import { expect } from "vitest";
import type { InvalidTransition } from "../../src/index.ts";

/** What a row expects of a machine's refusal. */
export interface Refusal {
  readonly reason: "status" | "path";
  readonly machine: string;
  readonly status: string;
  readonly event: string;
  readonly message: string;
}

/** `next` leads to `expected` when it is a status, or is refused exactly as `expected` says. */
export const expectMove = <S extends string>(
  next: Result.Result<S, InvalidTransition>,
  expected: S | Refusal,
): void => {
  if (typeof expected === "string") return void expect(Result.getOrThrow(next)).toBe(expected);
  expect(Result.isFailure(next)).toBe(true);
  if (Result.isSuccess(next)) return;
  const { message, ...fields } = expected;
  expect(next.failure).toMatchObject({ _tag: "InvalidTransition", ...fields });
  expect(next.failure.message).toBe(message);
};
