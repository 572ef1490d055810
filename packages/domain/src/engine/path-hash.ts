// 32-bit FNV-1a hashes of a scope path's prefixes: org, org/product, … org/…/project/flag (the flag's leaves the
// environment out). They only filter which grants might cover a resource; a match is always verified segment by segment.
import { ENVIRONMENT_DEPTH, FLAG_DEPTH, PATH_LENGTH, type Path, PROJECT_DEPTH } from "./resource-path.ts";

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
const SEPARATOR = 0x1f;

/** Mixes every character of `s` (for subject ids, whose hash places them in the table). */
const mix = (h: number, s: string): number => {
  let x = Math.imul(h ^ SEPARATOR, PRIME);
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), PRIME);
  return x;
};

/** Mixes the length and a sample of characters (ids differ mostly at the end): a filter, never a verdict. */
const mixSample = (h: number, s: string): number => {
  const n = s.length;
  let x = Math.imul(h ^ n, PRIME);
  if (n === 0) return x;
  x = Math.imul(x ^ s.charCodeAt(0), PRIME);
  x = Math.imul(x ^ s.charCodeAt(n >> 1), PRIME);
  for (let i = n > 4 ? n - 4 : 0; i < n; i++) x = Math.imul(x ^ s.charCodeAt(i), PRIME);
  return x;
};

/**
 * Fills `into[d]` with the hash of the path's first d + 1 segments for d ≤ `upTo`, 0 past the path's depth; the
 * flag's hash mixes the project's with the flag, leaving the environment out, so a flag grant (no environment)
 * and every ruleset of its flag share it. A missing environment is 0 and the flag may still follow.
 */
export const hashPrefixes = (path: Path, into: Int32Array, upTo = PATH_LENGTH - 1): void => {
  let h = OFFSET;
  for (let d = 0; d <= upTo; d++) {
    const s = path[d];
    if (s === undefined) {
      into[d] = 0;
      if (d === ENVIRONMENT_DEPTH) continue;
      for (d++; d <= upTo; d++) into[d] = 0;
      return;
    }
    h = mixSample(d === FLAG_DEPTH ? (into[PROJECT_DEPTH] as number) : h, s);
    into[d] = h;
  }
};

/** Hash of a subject id, never 0 (0 marks an empty slot). */
export const hashId = (id: string): number => mix(OFFSET, id) | 1;
