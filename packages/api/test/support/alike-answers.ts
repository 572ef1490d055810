// Test support: whether an answer about a real foreign id tells the caller more than one about a made-up id.
// The two are compared as a caller sees them (status, code, message, data) with the real ids written as made-up.
import { expect } from "vitest";
import type { Answer } from "./demo-api.ts";

/** Pairs of a real id and the made-up id it is compared with. */
export type Swaps = ReadonlyArray<readonly [string, string]>;

/** Everything a caller sees of an answer, each real id written as its made-up counterpart. */
export const seen = (answer: Answer, swaps: Swaps) => {
  const swap = (text: string | undefined) =>
    swaps.reduce((t, [id, madeUp]) => t?.replaceAll(id, madeUp), text);
  return {
    status: answer.status,
    code: answer.error?.data.code,
    message: swap(answer.error?.message),
    data: swap(JSON.stringify(answer.data)),
  };
};

/** A refusal about a real foreign id equals the one about a made-up id, the ids substituted. */
export const alike = (foreign: Answer, madeUp: Answer, swaps: Swaps) => {
  expect(seen(foreign, swaps)).toEqual(seen(madeUp, []));
  expect(foreign.status).toBeGreaterThanOrEqual(400);
};
