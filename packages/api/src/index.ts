// @gatehouse/api: the app router type for clients, and the Hono app for servers and tests.
// Apps import `type AppRouter` only, never server code.
export { type AppOptions, createApp } from "./app.ts";
export type { AppRouter } from "./root.ts";
