// The one-call path (trpc-one-call.ts) against tRPC's own fetch adapter: every request, well formed or not, gets the
// same status, body and headers from an app answering single calls itself as from one leaving them all to tRPC.
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { EngineSync } from "@gatehouse/store";
import { type ServerType, serve } from "@hono/node-server";
import { Effect } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

const api = demoApi();
let resolver: ReturnType<typeof createApp>;
let admin: Call;
let key: string;

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const question = { subject: "demo-exp-viewer", action: "cms:edit-view.access", resource: cms };
const encoded = (input: unknown) => encodeURIComponent(JSON.stringify(input));

beforeAll(async () => {
  const sync = await api.runtime.runPromise(Effect.service(EngineSync));
  resolver = createApp({
    engine: () => sync.engine,
    store: api.runtime,
    appsDir: "/nonexistent",
    oneCall: false,
  });
  admin = await api.signIn("admin@acme.example");
  const created = await api.send("POST", "apiKeys.create", { name: "one-call" }, admin);
  key = (created.data as { key: string }).key;
});

/** A request as both apps get it: the path after /trpc/, the method, headers and body. */
interface Sent {
  readonly name: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Who sends it: the API key, acme's super admin (cookie and CSRF header), or nobody. */
  readonly as?: "key" | "admin" | "admin without CSRF";
}

const headersOf = (sent: Sent): Record<string, string> => {
  const signIn: Record<string, string> =
    sent.as === "key"
      ? { authorization: `Bearer ${key}` }
      : sent.as === "admin"
        ? { cookie: admin.cookie ?? "", "x-csrf-token": admin.csrf ?? "" }
        : sent.as === "admin without CSRF"
          ? { cookie: admin.cookie ?? "" }
          : {};
  return { ...signIn, ...sent.headers };
};

/** What must agree: the status, the body, and every header but the request id and the date. */
const answerOf = async (app: ReturnType<typeof createApp>, sent: Sent) => {
  const res = await app.request(`http://localhost/trpc/${sent.path}`, {
    method: sent.method ?? "GET",
    headers: headersOf(sent),
    ...(sent.body === undefined ? {} : { body: sent.body }),
  });
  const headers = Object.fromEntries(
    [...res.headers].filter(
      ([name]) => name !== "x-request-id" && name !== "date" && name !== "content-length",
    ),
  );
  return { status: res.status, headers, body: await res.text() };
};

const json = { "content-type": "application/json" };

/** Requests whose answers change nothing, so each app can be asked in turn. */
const reads: ReadonlyArray<Sent> = [
  { name: "a check by an API key", path: `authz.check?input=${encoded(question)}`, as: "key" },
  {
    name: "a check by a cookie session (GET needs no CSRF header)",
    path: `authz.check?input=${encoded(question)}`,
    as: "admin without CSRF",
  },
  {
    name: "a check about another organization's instance",
    path: `authz.check?input=${encoded({ ...question, resource: { ...cms, org: "globex", instance: "globex-cms" } })}`,
    as: "key",
  },
  {
    name: "a check about a made-up subject",
    path: `authz.check?input=${encoded({ ...question, subject: "nobody-at-all" })}`,
    as: "key",
  },
  {
    name: "an unknown action",
    path: `authz.check?input=${encoded({ ...question, action: "cms:made-up" })}`,
    as: "key",
  },
  { name: "an input that is not JSON", path: "authz.check?input=%7Bnot-json", as: "key" },
  { name: "an input missing its fields", path: `authz.check?input=${encoded({})}`, as: "key" },
  {
    name: "an input with an unknown key",
    path: `authz.check?input=${encoded({ ...question, extra: 1 })}`,
    as: "key",
  },
  { name: "no input parameter", path: "authz.check", as: "key" },
  { name: "an empty input parameter", path: "authz.check?input=", as: "key" },
  {
    name: "plus signs for spaces",
    path: `authz.check?input=${encoded(question).replace("demo-exp-viewer", "a+b")}`,
    as: "key",
  },
  {
    name: "an escape that is not UTF-8",
    path: `authz.check?input=${encoded(question).replace("demo-exp-viewer", "a%FFb")}`,
    as: "key",
  },
  {
    name: "a broken escape",
    path: `authz.check?input=${encoded(question).replace("demo-exp-viewer", "a%Zb")}`,
    as: "key",
  },
  {
    name: "a NUL in a string",
    path: `authz.check?input=${encoded({ ...question, subject: "a\u0000b" })}`,
    as: "key",
  },
  { name: "no credentials", path: `authz.check?input=${encoded(question)}` },
  {
    name: "a wrong API key",
    path: `authz.check?input=${encoded(question)}`,
    headers: { authorization: "Bearer gh_wrong" },
  },
  { name: "a public query, anonymous", path: "catalog.products" },
  {
    name: "a query with a JSON content type",
    path: `authz.check?input=${encoded(question)}`,
    as: "key",
    headers: json,
  },
  {
    name: "a query with another content type",
    path: `authz.check?input=${encoded(question)}`,
    as: "key",
    headers: { "content-type": "text/plain" },
  },
  {
    name: "a query asking a streamed answer",
    path: `authz.check?input=${encoded(question)}`,
    as: "key",
    headers: { "trpc-accept": "application/jsonl" },
  },
  { name: "a batch of one", path: `authz.check?batch=1&input=${encoded({ 0: question })}`, as: "key" },
  { name: "another query parameter", path: `authz.check?input=${encoded(question)}&x=1`, as: "key" },
  { name: "a trailing slash", path: `authz.check/?input=${encoded(question)}`, as: "key" },
  { name: "an escaped path", path: `authz%2Echeck?input=${encoded(question)}`, as: "key" },
  { name: "an unknown procedure", path: "authz.nothing", as: "key" },
  { name: "a router's name", path: "authz", as: "key" },
  { name: "a prototype's key", path: "constructor", as: "key" },
  {
    name: "a query by POST",
    path: "authz.check",
    method: "POST",
    body: JSON.stringify(question),
    as: "key",
    headers: json,
  },
  { name: "a mutation by GET", path: `apiKeys.create?input=${encoded({ name: "x" })}`, as: "admin" },
  { name: "a HEAD request", path: "catalog.products", method: "HEAD" },
  {
    name: "a checkMany",
    path: "authz.checkMany",
    method: "POST",
    body: JSON.stringify({ checks: [question, question] }),
    as: "key",
    headers: json,
  },
  {
    name: "a mutation with a charset",
    path: "authz.checkMany",
    method: "POST",
    body: JSON.stringify({ checks: [question] }),
    as: "key",
    headers: { "content-type": "application/json; charset=utf-8" },
  },
  {
    name: "a mutation whose body is not JSON",
    path: "authz.checkMany",
    method: "POST",
    body: "{checks",
    as: "key",
    headers: json,
  },
  {
    name: "a mutation with an empty body",
    path: "authz.checkMany",
    method: "POST",
    body: "",
    as: "key",
    headers: json,
  },
  {
    name: "a mutation whose body is null",
    path: "authz.checkMany",
    method: "POST",
    body: "null",
    as: "key",
    headers: json,
  },
  {
    name: "a mutation sent as text",
    path: "authz.checkMany",
    method: "POST",
    body: "{}",
    as: "key",
    headers: { "content-type": "text/plain" },
  },
  { name: "a mutation with no content type", path: "authz.checkMany", method: "POST", body: "{}", as: "key" },
  {
    name: "a cookie mutation without the CSRF header",
    path: "apiKeys.create",
    method: "POST",
    body: JSON.stringify({ name: "x" }),
    as: "admin without CSRF",
    headers: json,
  },
  {
    name: "a mutation refused for bad input",
    path: "apiKeys.create",
    method: "POST",
    body: JSON.stringify({ name: "" }),
    as: "admin",
    headers: json,
  },
  {
    name: "a mutation the caller may not make",
    path: "apiKeys.create",
    method: "POST",
    body: JSON.stringify({ name: "x" }),
    as: "key",
    headers: json,
  },
  {
    name: "a wrong password",
    path: "auth.login",
    method: "POST",
    body: JSON.stringify({ email: "nobody@acme.example", password: "wrong-password" }),
    headers: json,
  },
];

describe("single tRPC calls answered without tRPC's general resolver", () => {
  it.each(reads)("$name: the same status, body and headers", async (sent) => {
    const viaResolver = await answerOf(resolver, sent);
    const viaOneCall = await answerOf(api.app(), sent);
    expect(viaOneCall).toEqual(viaResolver);
  });

  it("a write answers alike: the same data but its own ids, a consistency token on each", async () => {
    const sent: Sent = {
      name: "create an API key",
      path: "apiKeys.create",
      method: "POST",
      body: JSON.stringify({ name: "written twice" }),
      as: "admin",
      headers: json,
    };
    const [viaResolver, viaOneCall] = [await answerOf(resolver, sent), await answerOf(api.app(), sent)];
    expect(viaOneCall.status).toBe(200);
    expect(viaResolver.status).toBe(200);
    const { "gatehouse-token": tokenA, ...restA } = viaResolver.headers;
    const { "gatehouse-token": tokenB, ...restB } = viaOneCall.headers;
    expect(restB).toEqual(restA);
    expect(BigInt(tokenB ?? "0")).toBeGreaterThan(BigInt(tokenA ?? "0"));
    const shape = (body: string) =>
      Object.keys((JSON.parse(body) as { result: { data: object } }).result.data).sort();
    expect(shape(viaOneCall.body)).toEqual(shape(viaResolver.body));
  });

  it("a sign-in answers alike: the same cookies set, each with its own session", async () => {
    const sent: Sent = {
      name: "sign in",
      path: "auth.login",
      method: "POST",
      body: JSON.stringify({ email: "admin@acme.example", password: "gatehouse-demo" }),
      headers: json,
    };
    const cookieNames = async (app: ReturnType<typeof createApp>) => {
      const res = await app.request("http://localhost/trpc/auth.login", {
        method: "POST",
        headers: headersOf(sent),
        body: sent.body ?? "",
      });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie().map((cookie) => cookie.split("=", 1)[0]);
    };
    const viaOneCall = await cookieNames(api.app());
    expect(viaOneCall).toEqual(await cookieNames(resolver));
    expect(viaOneCall).toContain("gatehouse_session");
  });
});

describe("single tRPC calls over node-server, where the request target is as the client wrote it", () => {
  /** The status and body answered to a raw HTTP/1.1 request line `target`, by `app` served on a free port. */
  const rawAnswer = async (app: ReturnType<typeof createApp>, target: string) => {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () =>
          socket.write(
            `GET ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${key}\r\nconnection: close\r\n\r\n`,
          ),
        );
        let received = "";
        socket.on("data", (chunk) => {
          received += chunk.toString();
        });
        socket.on("end", () => resolve(received));
        socket.on("error", reject);
      });
      const [head = "", body = ""] = text.split("\r\n\r\n");
      return { status: head.split(" ")[1], body };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  };

  it.each([
    ["a fragment after the input", `/trpc/authz.check?input=${encoded(question)}#frag`],
    ["a fragment that is not JSON", `/trpc/authz.check?input=${encoded(question)}#%7B`],
    ["a dot segment in the path", `/trpc/x/../authz.check?input=${encoded(question)}`],
  ])("%s: the same status and body", async (_name, target) => {
    const viaOneCall = await rawAnswer(api.app(), target);
    expect(viaOneCall).toEqual(await rawAnswer(resolver, target));
    expect(viaOneCall.status).toBe("200");
  });
});
