// GET /v1/openapi.json (issue 14): the decision API's OpenAPI 3.1 document is valid (an independent OpenAPI 3.1
// validator), generated from the endpoints' own Effect schemas, and real answers conform to it (Ajv, draft 2020-12).
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Duration, Schema } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/request-limits.ts";
import { decisionRoutes } from "../src/v1/decision-routes.ts";
import { type Call, demoApi } from "./support/demo-api.ts";
import { type Globex, provisionGlobex } from "./support/second-org.ts";
import { type V1Answer, v1Request } from "./support/v1-request.ts";

const MC = "mission-control";
const sandbox = { org: "acme", product: MC, instance: "acme-mc-sandbox" };
const view = `${MC}:site.view`;
const DOCUMENT = "https://gatehouse.test/v1/openapi.json";
/** A consistency token no server has applied (the largest one). */
const FUTURE = "9223372036854775807";

interface Document {
  readonly openapi: string;
  readonly paths: Record<string, { post: { responses: Record<string, unknown>; requestBody: unknown } }>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly securitySchemes: object };
}

describe("the decision API's OpenAPI document", () => {
  const api = demoApi("pglite", undefined, { atLeastWait: Duration.millis(200) });
  let document: Document;
  let globex: Globex;
  let key: Call;
  let user: Call;
  // The document is no JSON Schema itself: strict mode would refuse its OpenAPI keywords (openapi, info, paths).
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  beforeAll(async () => {
    const res = await api.app().request("http://localhost/v1/openapi.json");
    expect(res.status).toBe(200);
    document = (await res.json()) as Document;
    ajv.addSchema({ ...document, $id: DOCUMENT });
    globex = await provisionGlobex(api, "demo-partneruser");
    const admin = await api.signIn("admin@acme.example");
    const created = await api.send("POST", "apiKeys.create", { name: "OpenAPI client" }, admin);
    key = { bearer: (created.data as { key: string }).key };
    user = await api.signIn("customeruser@acme.example");
  }, 120_000);

  /** The schema at a JSON pointer of the served document, compiled. */
  const validatorAt = (pointer: ReadonlyArray<string>) =>
    ajv.compile({
      $ref: `${DOCUMENT}#/${pointer.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`,
    });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate({ ...document });
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["apiKey", "csrf", "session"]);
  });

  it("describes every /v1 route with the JSON Schema of its own Effect input and answer schemas", () => {
    expect(Object.keys(document.paths).sort()).toEqual(decisionRoutes.map((r) => r.path).sort());
    for (const route of decisionRoutes) {
      const name = route.operationId.charAt(0).toUpperCase() + route.operationId.slice(1);
      expect(document.components.schemas[`${name}Request`]).toEqual(
        Schema.toJsonSchemaDocument(route.input).schema,
      );
      expect(document.components.schemas[`${name}Response`]).toEqual(
        Schema.toJsonSchemaDocument(route.response).schema,
      );
      expect(Object.keys(document.paths[route.path]?.post.responses ?? {}).sort()).toEqual(
        ["200", "400", "401", "403", "404", "412", "413", "415", "421", "429", "500"].sort(),
      );
    }
  });

  it("says which actions a checkResources question asks of each resource: its own, else the input's", () => {
    const text = JSON.stringify(document.components.schemas.CheckResourcesRequest);
    expect(text).toContain("The actions asked of this resource, in their order (else the input's `actions`)");
    expect(text).toContain("The actions asked of every resource that names none of its own");
  });

  it("accepts the requests the endpoints answer and refuses ones they refuse", () => {
    const request = validatorAt(["components", "schemas", "CheckRequest"]);
    expect(request({ action: view, resource: { ...sandbox, project: null } })).toBe(true);
    expect(request({ action: view, resource: { org: "" } })).toBe(false);
    const many = validatorAt(["components", "schemas", "CheckManyRequest"]);
    expect(many({ checks: [{ action: view, resource: sandbox }] })).toBe(true);
    expect(many({ checks: [] })).toBe(false);
    // The patterns the endpoints test are in the document too: a token is decimal, no text holds NUL.
    expect(request({ action: view, resource: sandbox, atLeast: "12" })).toBe(true);
    expect(request({ action: view, resource: sandbox, atLeast: "abc" })).toBe(false);
    expect(request({ action: "a\u0000", resource: sandbox })).toBe(false);
    expect(many({ checks: Array.from({ length: 1001 }, () => ({ action: view, resource: sandbox })) })).toBe(
      false,
    );
    // The table's parts: rows of at most six levels, `null` for a skipped one; packed indexes of bounded length.
    const table = validatorAt(["components", "schemas", "CheckTableRequest"]);
    const ids = ["acme", MC, "acme-mc-sandbox", "experimentation", "p", "f"];
    const paths = [
      [0, 1, 2],
      [0, 3, null, 4, null, 5],
    ];
    expect(table({ ids, actions: [view], paths, checks: "AAAAAP//" })).toBe(true);
    expect(
      table({ ids, actions: [view], paths: [[0, 1, null, null, null, null, 2]], checks: "AAAAAP//" }),
    ).toBe(false);
    expect(table({ ids, actions: [view], paths: [["acme"]], checks: "AAAAAP//" })).toBe(false);
    expect(table({ ids, actions: [view], paths, checks: "A".repeat(8008) })).toBe(false);
    expect(table({ ids, actions: [view], paths, checks: [0, 0, -1] })).toBe(false);
  });

  it("is what real answers conform to, for every status a client meets", async () => {
    const app = api.app();
    const asked = (subject: string, resource: object = sandbox) => ({ subject, action: view, resource });
    const onGlobex = { org: "globex", product: MC, instance: globex.instance };
    const answers: Array<readonly [string, V1Answer]> = [
      ["/v1/check", await v1Request(app, "/v1/check", asked("demo-customeruser"), key)],
      ["/v1/check", await v1Request(app, "/v1/check", { action: view, resource: sandbox }, user)],
      [
        "/v1/check-many",
        await v1Request(app, "/v1/check-many", { subject: "demo-admin", checks: [asked("x")] }, key),
      ],
      [
        "/v1/check-table",
        await v1Request(
          app,
          "/v1/check-table",
          {
            subject: "demo-admin",
            ids: ["acme", MC, "acme-mc-sandbox"],
            actions: [view],
            paths: [[0, 1, 2]],
            checks: "AAAAAP//",
          },
          key,
        ),
      ],
      [
        "/v1/check-table",
        await v1Request(
          app,
          "/v1/check-table",
          { ids: ["acme"], actions: [view], paths: [[0]], checks: "AAAAAAAA" },
          key,
        ),
      ],
      ["/v1/check", await v1Request(app, "/v1/check", { action: view }, key)],
      ["/v1/check-many", await v1Request(app, "/v1/check-many", { checks: [] }, key)],
      ["/v1/check", await v1Request(app, "/v1/check", asked("demo-customeruser"), {})],
      [
        "/v1/check",
        await v1Request(app, "/v1/check", asked("demo-admin"), { ...user, csrf: "not-the-token" }),
      ],
      ["/v1/check", await v1Request(app, "/v1/check", asked("demo-admin"), user)],
      ["/v1/check", await v1Request(app, "/v1/check", asked("demo-customeruser", onGlobex), key)],
      ["/v1/check", await v1Request(app, "/v1/check", { ...asked("demo-admin"), atLeast: FUTURE }, key)],
      [
        "/v1/check-many",
        await v1Request(app, "/v1/check-many", { padding: "x".repeat(MAX_BODY_BYTES) }, key),
      ],
      [
        "/v1/check",
        await v1Request(app, "/v1/check", asked("demo-admin"), {
          ...key,
          headers: { "content-type": "text/plain" },
        }),
      ],
    ];
    const statuses = new Set<number>();
    for (const [path, answer] of answers) {
      const schema = [
        "paths",
        path,
        "post",
        "responses",
        String(answer.status),
        "content",
        "application/json",
      ];
      expect(
        document.paths[path]?.post.responses[String(answer.status)],
        `${path} ${answer.status}`,
      ).toBeDefined();
      const conforms = validatorAt([...schema, "schema"]);
      expect({ path, answer, valid: conforms(answer.body), errors: conforms.errors ?? null }).toMatchObject({
        valid: true,
      });
      statuses.add(answer.status);
    }
    expect([...statuses].sort()).toEqual([200, 400, 401, 403, 404, 412, 413, 415]);
  });
});
