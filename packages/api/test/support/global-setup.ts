// This package's Vitest global setup: the shared one from @gatehouse/db/testing.
// It provides a PostgreSQL server URL (DATABASE_URL or a throwaway local server) or the reason there is none.
export { setup, teardown } from "@gatehouse/db/testing/global-setup";
