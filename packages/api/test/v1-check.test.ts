// The /v1 decision API (issue 14): POST /v1/check and /v1/check-many answer as tRPC's authz.check and checkMany do
// for the same questions and actors (API key, sessions with the CSRF header), through app.request on PGlite.
import { Duration } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/request-limits.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";
import { asV1, v1Request } from "./support/v1-request.ts";

const MC = "mission-control";
const sandbox = { org: "acme", product: MC, instance: "acme-mc-sandbox" };
const view = `${MC}:site.view`;
const deploy = `${MC}:code.deploy`;

describe("the /v1 decision API", () => {
  const api = demoApi("pglite", undefined, { atLeastWait: Duration.millis(300) });
  const { send, signIn } = api;
  const v1 = (path: string, body: unknown, call: Call) => v1Request(api.app(), path, body, call);

  let globex: Globex;
  let admin: Call;
  let customerUser: Call;
  let partner: Call;
  let key: Call;

  beforeAll(async () => {
    globex = await provisionGlobex(api, "demo-partneruser");
    admin = await signIn("admin@acme.example");
    customerUser = await signIn("customeruser@acme.example");
    partner = await signIn("partneruser@agency.example");
    const created = await send("POST", "apiKeys.create", { name: "Decision API backend" }, admin);
    expect(created.status).toBe(200);
    key = { bearer: (created.data as { key: string }).key };
  }, 120_000);

  const onGlobex = () => ({ org: "globex", product: MC, instance: globex.instance });

  /** Questions for check, each asked by every actor: its own, about others, foreign, made-up and malformed. */
  const questions = () => [
    { action: view, resource: sandbox },
    { action: deploy, resource: sandbox },
    { subject: "demo-customeruser", action: view, resource: sandbox },
    { subject: "demo-partneruser", action: view, resource: sandbox },
    { subject: "demo-customeruser", action: view, resource: onGlobex() },
    { subject: "demo-customeruser", action: view, resource: { ...onGlobex(), org: "nowhere-org" } },
    { subject: globex.admin, action: view, resource: sandbox },
    { subject: "demo-nobody", action: view, resource: sandbox },
    { subject: "demo-customeruser", action: `${MC}:site.launch`, resource: sandbox },
    { action: view, resource: { ...sandbox, attrs: { production: false } } },
    { action: view, resource: { org: "" } },
    { resource: sandbox },
  ];
  const actors = () => ({ key, admin, customerUser, partner });

  it("answers check as tRPC's authz.check does, for every actor and question", async () => {
    let allowed = 0;
    for (const [name, call] of Object.entries(actors()))
      for (const question of questions()) {
        const trpc = asV1(await send("GET", "authz.check", question, call), (decision) => ({ decision }));
        const answer = await v1("/v1/check", question, call);
        expect({ name, question, status: answer.status, body: answer.body }).toEqual({
          name,
          question,
          ...trpc,
        });
        if (answer.status === 200 && (answer.body as { decision: string }).decision === "allow") allowed++;
      }
    // The table holds allows, denies and refusals of every kind, not only one of them.
    expect(allowed).toBeGreaterThan(3);
  });

  it("answers check-many as tRPC's authz.checkMany does, in the order of the checks", async () => {
    const checks = [
      { action: deploy, resource: sandbox },
      { action: view, resource: sandbox },
      { action: view, resource: { ...sandbox, instance: "acme-mc-production" } },
    ];
    const asked = [
      { checks },
      { subject: "demo-customeruser", checks },
      { subject: "demo-customeruser", checks: [...checks, { action: view, resource: onGlobex() }] },
      { subject: "demo-customeruser", checks: [checks[0], { resource: sandbox }] },
      { checks: [] },
    ];
    for (const [name, call] of Object.entries(actors()))
      for (const input of asked) {
        const trpc = asV1(await send("POST", "authz.checkMany", input, call), (decisions) => ({ decisions }));
        const answer = await v1("/v1/check-many", input, call);
        expect({ name, input, status: answer.status, body: answer.body }).toEqual({ name, input, ...trpc });
      }
    expect((await v1("/v1/check-many", { subject: "demo-customeruser", checks }, key)).body).toEqual({
      decisions: ["deny", "allow", "allow"],
    });
  });

  it("answers an API key and a session with its CSRF header; refuses a session POST without it", async () => {
    const mine = { action: view, resource: sandbox };
    expect(await v1("/v1/check", { subject: "demo-customeruser", ...mine }, key)).toMatchObject({
      status: 200,
      body: { decision: "allow" },
      contentType: expect.stringMatching(/^application\/json/),
    });
    expect((await v1("/v1/check", mine, customerUser)).body).toEqual({ decision: "allow" });
    const withoutCsrf = ({ cookie }: Call): Call => (cookie === undefined ? {} : { cookie });
    for (const session of [withoutCsrf(customerUser), { ...customerUser, csrf: "not-the-token" }]) {
      const refused = await v1("/v1/check", mine, session);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        error: { code: "FORBIDDEN", message: expect.stringMatching(/^Missing or wrong x-csrf-token header/) },
      });
    }
    // A bearer header decides alone: a cookie next to it needs no CSRF token.
    expect(
      (await v1("/v1/check", { subject: "demo-admin", ...mine }, { ...key, ...withoutCsrf(admin) })).status,
    ).toBe(200);
  });

  it("answers 401 without credentials, with a made-up key and with an unknown session", async () => {
    const mine = { action: view, resource: sandbox };
    const made = { bearer: `gh_${"A".repeat(43)}` };
    const gone = { cookie: `gatehouse_session=${"B".repeat(43)}`, csrf: "x" };
    for (const call of [{}, made, gone, { bearer: "not-a-key" }])
      for (const path of ["/v1/check", "/v1/check-many"])
        expect(await v1(path, mine, call)).toMatchObject({
          status: 401,
          body: { error: { code: "UNAUTHORIZED", message: "Sign in or send an API key" } },
        });
    // Not even a malformed body is read before the caller is known.
    expect((await v1("/v1/check", "{", {})).status).toBe(401);
  });

  it("answers another organization's resource and subject exactly as made-up ones", async () => {
    const asked = (org: string, subject: string) => ({
      subject,
      action: view,
      resource: { org, product: MC, instance: org === "globex" ? globex.instance : "made-up-mc" },
    });
    for (const [call, status] of [
      [key, 404],
      [admin, 404],
      // A user's question about itself is answered, as about any organization it holds nothing in.
      [customerUser, 200],
    ] as const) {
      const foreign = await v1("/v1/check", asked("globex", "demo-customeruser"), call);
      const madeUp = await v1("/v1/check", asked("made-up-org", "demo-customeruser"), call);
      expect(foreign.status).toBe(status);
      const shown = JSON.stringify(foreign.body)
        .replaceAll("globex", "made-up-org")
        .replaceAll(globex.instance, "made-up-mc");
      expect({ status: foreign.status, shown }).toEqual({
        status: madeUp.status,
        shown: JSON.stringify(madeUp.body),
      });
    }
    const foreignSubject = await v1("/v1/check", { ...asked("acme", globex.admin), resource: sandbox }, key);
    const madeUpSubject = await v1("/v1/check", { ...asked("acme", "demo-nobody"), resource: sandbox }, key);
    expect(foreignSubject.status).toBe(400);
    expect(JSON.stringify(foreignSubject.body).replaceAll(globex.admin, "demo-nobody")).toBe(
      JSON.stringify(madeUpSubject.body),
    );
  });

  it("answers 400 naming the field for bad input, and for a body that is not JSON", async () => {
    const message = async (path: string, body: unknown) => {
      const answer = await v1(path, body, key);
      expect(answer.status).toBe(400);
      const { error } = answer.body as { error: { code: string; message: string } };
      expect(error.code).toBe("BAD_REQUEST");
      return error.message;
    };
    expect(await message("/v1/check", { subject: "demo-admin", resource: sandbox })).toMatch(/^action: /);
    expect(
      await message("/v1/check", { subject: "demo-admin", action: view, resource: { org: "" } }),
    ).toMatch(/^resource\.org: /);
    expect(
      await message("/v1/check", { subject: "demo-admin", action: "a\u0000", resource: sandbox }),
    ).toMatch(/^action: /);
    expect(
      await message("/v1/check-many", {
        subject: "demo-admin",
        checks: [{ action: view, resource: sandbox }, {}],
      }),
    ).toMatch(/^checks\.1\.action: /);
    expect(await message("/v1/check", { action: view, resource: sandbox })).toBe(
      "subject: required for an API key",
    );
    expect(await message("/v1/check", "{not json")).toMatch(/not JSON/);
    expect(await message("/v1/check", "")).toMatch(/not JSON/);
    expect(await message("/v1/check", [])).toMatch(/^Expected object/);
  });

  it("answers another method 405 with Allow, an unknown /v1 path 404, and 401 with a bearer challenge", async () => {
    const ask = (method: string, path: string) => api.app().request(`http://localhost${path}`, { method });
    for (const [method, path, allow] of [
      ["GET", "/v1/check", "POST"],
      ["PUT", "/v1/check-many", "POST"],
      ["DELETE", "/v1/check-resources", "POST"],
      ["POST", "/v1/openapi.json", "GET"],
      ["POST", "/v1/snapshot", "GET"],
    ] as const) {
      const res = await ask(method, path);
      expect([res.status, res.headers.get("allow")]).toEqual([405, allow]);
      expect(await res.json()).toEqual({
        error: { code: "METHOD_NOT_SUPPORTED", message: `${path} answers ${allow} only` },
      });
    }
    for (const path of ["/v1/check/", "/v1/CHECK", "/v1/nothing"]) {
      const res = await ask("POST", path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        "/v1/openapi.json",
      );
    }
    const refused = await api.app().request("http://localhost/v1/check", { method: "POST", body: "{}" });
    expect([refused.status, refused.headers.get("www-authenticate")]).toEqual([
      401,
      'Bearer realm="gatehouse"',
    ]);
  });

  it("answers 415 for a body sent as another media type than JSON, reading nothing", async () => {
    const mine = JSON.stringify({ subject: "demo-customeruser", action: view, resource: sandbox });
    const send = (contentType: string | undefined) =>
      api.app().request("http://localhost/v1/check", {
        method: "POST",
        headers: {
          authorization: `Bearer ${key.bearer}`,
          ...(contentType === undefined ? {} : { "content-type": contentType }),
        },
        body: mine,
      });
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"]) {
      const res = await send(type);
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({
        error: {
          code: "UNSUPPORTED_MEDIA_TYPE",
          message: "Send the body as application/json (with that content-type)",
        },
      });
    }
    for (const type of ["application/json", "Application/JSON; charset=utf-8"])
      expect(await (await send(type)).json()).toEqual({ decision: "allow" });
  });

  it("reads null as an absent optional field, as the OpenAPI document allows", async () => {
    const withNulls = { subject: "demo-customeruser", action: view, resource: { ...sandbox, project: null } };
    expect(await v1("/v1/check", withNulls, key)).toMatchObject({ status: 200, body: { decision: "allow" } });
  });

  it("takes at most 1000 checks and a body of at most 1 MB", async () => {
    const check = { action: view, resource: sandbox };
    const many = (n: number) => ({
      subject: "demo-customeruser",
      checks: Array.from({ length: n }, () => check),
    });
    const thousand = await v1("/v1/check-many", many(1000), key);
    expect(thousand.status).toBe(200);
    expect((thousand.body as { decisions: string[] }).decisions).toHaveLength(1000);
    const over = await v1("/v1/check-many", many(1001), key);
    expect(over.status).toBe(400);
    expect(over.body).toEqual({
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/^checks: /) },
    });
    const huge = { ...check, subject: "demo-customeruser", padding: "x".repeat(MAX_BODY_BYTES) };
    expect(await v1("/v1/check", huge, key)).toEqual({
      status: 413,
      contentType: expect.stringMatching(/^application\/json/),
      body: { error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 1 MB/) } },
    });
  });

  it("answers atLeast a consistency token once applied, and as tRPC does when it is not or is malformed", async () => {
    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    const grant = {
      subject: { kind: "user", id: "demo-exp-editor" },
      role: "cms:content-editors",
      scope: cms,
    };
    const written = await api.app().request("http://localhost/trpc/grants.create", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: admin.cookie ?? "",
        "x-csrf-token": admin.csrf ?? "",
      },
      body: JSON.stringify(grant),
    });
    expect(written.status).toBe(200);
    const atLeast = written.headers.get("gatehouse-token") ?? "";
    expect(atLeast).toMatch(/^[0-9]+$/);
    const question = { subject: "demo-exp-editor", action: "cms:edit-view.access", resource: cms };
    expect(await v1("/v1/check", { ...question, atLeast }, key)).toMatchObject({
      status: 200,
      body: { decision: "allow" },
    });
    const many = { subject: "demo-exp-editor", checks: [question], atLeast };
    expect((await v1("/v1/check-many", many, key)).body).toEqual({ decisions: ["allow"] });
    for (const token of ["9223372036854775807", "12a", "", 12]) {
      const asked = { ...question, atLeast: token };
      const trpc = asV1(await send("GET", "authz.check", asked, key), (decision) => ({ decision }));
      const answer = await v1("/v1/check", asked, key);
      expect({ status: answer.status, body: answer.body }).toEqual(trpc);
      expect(answer.status).toBe(token === "9223372036854775807" ? 412 : 400);
    }
  });
});
