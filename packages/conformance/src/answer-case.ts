// Answers one conformance case: parse it, build its world, ask the question.
// A case that cannot be parsed or names unknown vocabulary is answered "error", never skipped; a well-formed one
// never is: what no actor could make is `invalid` (assign) or counts for nothing (check, landing), with the reason.
import { Schema } from "effect";
import { buildWorld, SUBJECT, toMillis } from "./build-world.ts";
import { ConformanceCase } from "./case-schema.ts";

export interface Answer {
  readonly id: string;
  readonly decision: string;
  /** Why: an assignment's reason (allow, deny or invalid), a check's explanation when it denies. */
  readonly reason?: string;
  /** What made the case an error: it could not be parsed or names unknown vocabulary. */
  readonly message?: string;
}

const decodeCase = Schema.decodeUnknownExit(ConformanceCase);

const idOf = (raw: unknown): string =>
  typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : "";

export const answerCase = (raw: unknown): Answer => {
  const decoded = decodeCase(raw);
  if (decoded._tag === "Failure") return { id: idOf(raw), decision: "error", message: String(decoded.cause) };
  const c = decoded.value;
  try {
    const engine = buildWorld(c);
    const now = c.now === undefined ? 0 : toMillis(c.now);
    switch (c.kind) {
      case "check": {
        const decision = engine.check(SUBJECT, c.action, c.resource, now);
        if (decision === "allow") return { id: c.id, decision };
        return { id: c.id, decision, reason: engine.explain(SUBJECT, c.action, c.resource, now).reason };
      }
      case "assign": {
        const { decision, reason } = engine.assign(SUBJECT, c.assignment, now);
        return { id: c.id, decision, reason };
      }
      case "landing":
        return { id: c.id, decision: engine.landing(SUBJECT, now) };
    }
  } catch (e) {
    return { id: c.id, decision: "error", message: e instanceof Error ? e.message : String(e) };
  }
};

/** Why the engine answered as it did, for printing next to a mismatch. */
export const explainCase = (raw: unknown): string => {
  const decoded = decodeCase(raw);
  if (decoded._tag === "Failure") return "the case could not be parsed";
  const c = decoded.value;
  try {
    const engine = buildWorld(c);
    const now = c.now === undefined ? 0 : toMillis(c.now);
    if (c.kind === "check") {
      const e = engine.explain(SUBJECT, c.action, c.resource, now);
      return [
        e.reason,
        e.failedCondition && `condition: ${e.failedCondition}`,
        e.missingAttribute && `missing: ${e.missingAttribute}`,
      ]
        .filter(Boolean)
        .join("; ");
    }
    if (c.kind === "assign") return engine.assign(SUBJECT, c.assignment, now).reason;
    return `landing ${engine.landing(SUBJECT, now)}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};
