// @gatehouse/api: the app router type for clients, and the Hono app for servers and tests.
// Apps import types only (`AppRouter`, the /events payload `VisibleEvent`), never server code.
export { type AppOptions, createApp } from "./app.ts";
export type { VisibleEvent } from "./event-visibility.ts";
export type { AppRouter } from "./root.ts";
