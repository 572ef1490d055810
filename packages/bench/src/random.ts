// A tiny seeded PRNG (mulberry32) and helpers, so every run generates the very same fixture.
// Not for anything secret: it only has to be fast, uniform enough and reproducible.

export type Random = () => number;

/** mulberry32: a 32-bit state generator returning floats in [0, 1). */
export const mulberry32 = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An integer in [0, n). */
export const below = (random: Random, n: number): number => Math.floor(random() * n);

/** A uniformly chosen element of a non-empty list. */
export const pick = <T>(random: Random, list: ReadonlyArray<T>): T => list[below(random, list.length)] as T;

/** An element chosen by weight from `[value, weight]` pairs. */
export const weighted = <T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T => {
  let total = 0;
  for (const [, w] of choices) total += w;
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
};
