// 32-bit FNV-1a hashes that filter which grants might cover a resource: a grant's scope and the asked path are hashed
// alike at the grant's depth. They only filter; a match is always verified segment by segment (`sharesPathTo`).
import {
  ENVIRONMENT_DEPTH,
  FLAG_DEPTH,
  ORG_DEPTH,
  type Path,
  PRODUCT_DEPTH,
  PROJECT_DEPTH,
} from "./resource-path.ts";

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

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
 * The depth whose hash the filter hash at depth `d` is mixed into, or -1: the org for a product (product names repeat
 * across organizations), the project for an environment and for a flag (their names repeat across projects). Every other
 * depth hashes its own segment alone (instances and projects are named apart), so a decision hashes only the segments
 * its grants sit at, not every prefix; the flag's hash leaves the environment out, so a flag grant (no environment)
 * and every ruleset of its flag share it.
 */
export const parentDepth = (d: number): number =>
  d === ENVIRONMENT_DEPTH || d === FLAG_DEPTH ? PROJECT_DEPTH : d === PRODUCT_DEPTH ? ORG_DEPTH : -1;

/** The filter hash of the path's segment at depth `d` given its parent depth's hash (OFFSET without one); 0 when absent. */
export const segmentHash = (path: Path, d: number, parent: number): number => {
  const s = path[d];
  return s === undefined ? 0 : mixSample(parent, s);
};

/** The filter hash of `path` at depth `d`, what a grant at that depth records (see `parentDepth`). */
export const filterHash = (path: Path, d: number): number => {
  const p = parentDepth(d);
  return segmentHash(path, d, p < 0 ? OFFSET : filterHash(path, p));
};

/** The hash an absent parent contributes (see `segmentHash`). */
export const NO_PARENT = OFFSET;
