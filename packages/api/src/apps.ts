// The three product UIs, served from their built files at /admin-center/, /mission-control/ and
// /fx-collaborators/; an app that has not been built yet gets a placeholder page saying so.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Env, Hono } from "hono";

export const productApps = [
  { path: "admin-center", title: "Admin Center" },
  { path: "mission-control", title: "Mission Control" },
  { path: "fx-collaborators", title: "Feature Experimentation collaborators" },
] as const;

const appsDir = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../apps");

const placeholder = (title: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Gatehouse</title></head>` +
  `<body><main><h1>${title}</h1><p>This app has not been built yet. The Gatehouse API is running: ` +
  `see <a href="/healthz">/healthz</a>.</p></main></body></html>`;

/** Mounts each app's `dist` folder (when built) or its placeholder under its path. */
export const mountApps = <E extends Env>(app: Hono<E>, dir: string = appsDir): void => {
  for (const { path, title } of productApps) {
    const dist = resolve(dir, path, "dist");
    app.get(`/${path}`, (c) => c.redirect(`/${path}/`));
    if (existsSync(resolve(dist, "index.html"))) {
      const root = relative(process.cwd(), dist) || ".";
      const strip = (p: string) => p.slice(path.length + 1) || "/";
      app.use(`/${path}/*`, serveStatic({ root, rewriteRequestPath: strip }));
      app.get(`/${path}/*`, serveStatic({ root, path: "index.html" }));
    } else app.get(`/${path}/*`, (c) => c.html(placeholder(title)));
  }
};
