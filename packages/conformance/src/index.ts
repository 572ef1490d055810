// @gatehouse/conformance: answer conformance cases with the Gatehouse engine.
// The CLI and the test suite share these functions.
export { type Answer, answerCase, explainCase } from "./answer-case.ts";
export { type RunResult, runLines } from "./run-file.ts";
