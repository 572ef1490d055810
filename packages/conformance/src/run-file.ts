// Runs a JSON-lines file of cases: one answer line per case, and under --check a verdict per mismatch
// and the closing "N passed, M failed" line. Blank lines are ignored; a line that is not JSON is an error case.
import { answerCase, explainCase } from "./answer-case.ts";

export interface RunResult {
  readonly passed: number;
  readonly failed: number;
}

export const runLines = (text: string, check: boolean, print: (line: string) => void): RunResult => {
  let passed = 0;
  let failed = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      raw = undefined;
      print(JSON.stringify({ id: "", decision: "error", message: `not JSON: ${(e as Error).message}` }));
      failed++;
      continue;
    }
    const answer = answerCase(raw);
    print(JSON.stringify(answer));
    if (!check) continue;
    const expected = (raw as { expect?: unknown }).expect;
    if (answer.decision === expected) passed++;
    else {
      failed++;
      print(
        `MISMATCH ${answer.id}: expected ${String(expected)}, got ${answer.decision} — ${answer.message ?? explainCase(raw)}`,
      );
    }
  }
  if (check) print(`${passed} passed, ${failed} failed`);
  return { passed, failed };
};
