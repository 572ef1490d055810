// `pnpm start` with GATEHOUSE_WORKERS=2 on a real PostgreSQL: the primary prepares the database once and forks two
// API processes sharing one port; a grant written through one worker is decided alike by the other.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createTemplateDatabase, databaseUrl, dropDatabase } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const cms = { org: "acme", product: "cms", instance: "acme-cms" };

interface Reply {
  readonly status: number;
  readonly worker: string | undefined;
  readonly body: { result?: { data: unknown }; error?: { message: string } };
  readonly cookies: ReadonlyArray<string>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });

let port = 0;
let server: ChildProcess | undefined;
let database: { url: string; name: string } | undefined;
let log = "";

/** One tRPC call on a new connection (so the primary hands it to the next worker), and which worker answered. */
const call = (method: "GET" | "POST", path: string, input: unknown, headers: Record<string, string> = {}) =>
  new Promise<Reply>((resolve, reject) => {
    const query = method === "GET" ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
    const body = method === "POST" ? JSON.stringify(input) : undefined;
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: `/trpc/${path}${query}`,
        method,
        agent: false,
        headers: { ...headers, ...(body && { "content-type": "application/json" }) },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: res.headers["x-gatehouse-worker"] as string | undefined,
            body: JSON.parse(text) as Reply["body"],
            cookies: res.headers["set-cookie"] ?? [],
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });

const signIn = async (email: string) => {
  const login = await call("POST", "auth.login", { email, password: "gatehouse-demo" });
  expect(login.status).toBe(200);
  const session = login.cookies.find((c) => c.startsWith("gatehouse_session="))?.split(";")[0] ?? "";
  const { csrfToken } = (login.body.result?.data ?? {}) as { csrfToken?: string };
  return { cookie: session, "x-csrf-token": csrfToken ?? "" };
};

/** Calls until a worker other than `not` answers (at most 20 connections); that answer. */
const onOtherWorker = async (not: string | undefined, send: () => Promise<Reply>): Promise<Reply> => {
  for (let i = 0; i < 20; i++) {
    const reply = await send();
    if (reply.worker !== not) return reply;
  }
  throw new Error(`20 connections in a row reached worker ${not}`);
};

beforeAll(async () => {
  const provided = inject("gatehousePostgres");
  if (provided === undefined || "error" in provided)
    throw new Error(provided?.error ?? "No PostgreSQL server was provided");
  const name = await createTemplateDatabase(provided.url, Effect.void);
  database = { url: provided.url, name };
  port = await freePort();
  server = spawn(process.execPath, ["--import", "tsx", main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(provided.url, name),
      GATEHOUSE_WORKERS: "2",
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "test",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Ready once both workers listen (the primary migrated and seeded before forking them).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workers did not start in 120 s:\n${log}`)), 120_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if ((log.match(/worker \d+ listening/g) ?? []).length >= 2) {
        clearTimeout(timer);
        resolve();
      }
    };
    server?.stdout?.on("data", read);
    server?.stderr?.on("data", read);
    server?.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
}, 150_000);

afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (database !== undefined)
    await Effect.runPromise(Effect.ignore(dropDatabase(database.url, database.name)));
}, 30_000);

describe("GATEHOUSE_WORKERS=2 on PostgreSQL", () => {
  it("serves from two processes that agree: a grant written through one is decided alike by the other", async () => {
    const admin = await signIn("admin@acme.example");
    const grantee = await signIn("customeruser@acme.example");
    const check = () =>
      call(
        "GET",
        "authz.check",
        { action: "cms:edit-view.access", resource: cms },
        { cookie: grantee.cookie },
      );
    const before = await check();
    expect(before.body.result?.data).toBe("deny");

    const granted = await call(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "cms:content-editors", scope: cms },
      admin,
    );
    expect(granted.status).toBe(200);
    expect(granted.worker).toMatch(/^\d+$/);
    // The writer's own next check sees it at once; the other worker hears the notification and follows.
    let other = await onOtherWorker(granted.worker, check);
    for (let i = 0; i < 50 && other.body.result?.data !== "allow"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      other = await onOtherWorker(granted.worker, check);
    }
    expect(other.worker).not.toBe(granted.worker);
    expect(other.body.result?.data).toBe("allow");
    // Both processes served: two distinct workers answered.
    expect(new Set([granted.worker, other.worker]).size).toBe(2);
  });
});
