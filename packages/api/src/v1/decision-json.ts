// The /v1 decision routes' answers as JSON text built from constant pieces: every value in them is "allow" or "deny",
// so nothing needs escaping, where JSON.stringify walks and scans each of up to a thousand strings (docs/benchmarks.md).
import type { Decision } from "@gatehouse/domain";

const ALLOW = '"allow"';
const DENY = '"deny"';

/** A JSON array of decisions. */
const decisionArray = (decisions: ReadonlyArray<Decision>): string => {
  let text = "[";
  for (let i = 0; i < decisions.length; i++) {
    if (i > 0) text += ",";
    text += decisions[i] === "allow" ? ALLOW : DENY;
  }
  return `${text}]`;
};

/** `{ "decision": … }`, /v1/check's answer. */
export const decisionJson = ({ decision }: { readonly decision: Decision }): string =>
  decision === "allow" ? '{"decision":"allow"}' : '{"decision":"deny"}';

/** `{ "decisions": [ … ] }`, /v1/check-many's answer. */
export const decisionsJson = ({ decisions }: { readonly decisions: ReadonlyArray<Decision> }): string =>
  `{"decisions":${decisionArray(decisions)}}`;

/** `{ "results": [ { "decisions": [ … ] }, … ] }`, /v1/check-resources' answer. */
export const resultsJson = ({
  results,
}: {
  readonly results: ReadonlyArray<{ readonly decisions: ReadonlyArray<Decision> }>;
}): string => {
  let text = '{"results":[';
  for (let i = 0; i < results.length; i++) {
    if (i > 0) text += ",";
    text += `{"decisions":${decisionArray((results[i] as { readonly decisions: ReadonlyArray<Decision> }).decisions)}}`;
  }
  return `${text}]}`;
};
