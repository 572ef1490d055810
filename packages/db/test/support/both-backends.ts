// The suite runner that repeats a describe block on PGlite and on PostgreSQL (OpenFGA's RunAllTests pattern).
// It lives in src/testing so other packages import it as @gatehouse/db/testing; this file is the local entry.
export {
  type BackendTests,
  type BothBackendsOptions,
  describeBothBackends,
  type TestServices,
} from "../../src/testing/both-backends.ts";
export { TestDatabase } from "../../src/testing/test-backends.ts";
