// The OpenAPI 3.1 document of the /v1 decision API, generated from the routes' own Effect schemas (Effect's JSON
// Schema for the codec the endpoints decode with), so that it cannot drift from what the endpoints accept and answer.
import { JsonSchema, type Schema, SchemaRepresentation } from "effect";
import { csrfCookie, csrfHeader, sessionCookie } from "../auth/policy.ts";
import { MAX_BODY_BYTES } from "../request-limits.ts";
import type { DecisionRoute } from "./decision-routes.ts";
import { ErrorBody } from "./error-body.ts";

/** The refusals every route may answer, each with the error body. */
const refusals: Readonly<Record<string, string>> = {
  "400": "Bad input (the message names the field), an unknown action or subject, or a body that is not JSON",
  "401": "No valid credentials: send an API key or a session cookie",
  "403":
    "A session cookie without its CSRF header, or a question the caller may not ask about another subject",
  "404": "A resource or subject of another organization, answered exactly as a made-up one",
  "412": "Asked `atLeast` a consistency token this server has not applied within its wait: try again",
  "413": `A body over ${MAX_BODY_BYTES / 1024 / 1024} MB`,
  "415": "A body sent with another content-type than application/json",
  "421":
    "A question about an organization this node does not hold (a partitioned deployment): send it to the node " +
    "holding that organization's partition",
  "429": "Too many questions already waiting for consistency tokens on this server: try again",
  "500": "An internal error, logged on the server under the request id the message gives",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The document describing `routes`: their operations, schemas, refusals and the two ways to sign in. */
export const openApiDocument = (routes: ReadonlyArray<DecisionRoute>) => {
  const named = routes.flatMap((r) => {
    const name = capitalized(r.operationId);
    return [
      r.input.annotate({ identifier: `${name}Request` }),
      r.response.annotate({ identifier: `${name}Response` }),
    ];
  });
  const roots = [...named, ErrorBody.annotate({ identifier: "Error" })].map((s: Schema.Top) => s.ast);
  const [first, ...rest] = roots;
  if (first === undefined) throw new Error("The decision API has no routes");
  const schemas = JsonSchema.toMultiDocumentOpenApi3_1(
    SchemaRepresentation.toJsonSchemaMultiDocument(SchemaRepresentation.toRepresentations([first, ...rest])),
  ).definitions;
  const json = (schema: object) => ({ content: { "application/json": { schema } } });
  const errors = Object.fromEntries(
    Object.entries(refusals).map(([status, description]) => [status, { description, ...json(ref("Error")) }]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse decision API",
      version: "1",
      description:
        "Ask Gatehouse's engine whether a subject may do an action on a resource, from any backend. The same " +
        "engine, inputs and authorization as the tRPC procedures authz.check and authz.checkMany.",
    },
    security: [{ apiKey: [] }, { session: [], csrf: [] }],
    paths: Object.fromEntries(
      routes.map((r) => {
        const name = capitalized(r.operationId);
        return [
          r.path,
          {
            post: {
              operationId: r.operationId,
              summary: r.summary,
              description: r.description,
              requestBody: { required: true, ...json(ref(`${name}Request`)) },
              responses: { "200": { description: "The answer", ...json(ref(`${name}Response`)) }, ...errors },
            },
          },
        ];
      }),
    ),
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "gh_ followed by 43 base64url characters",
          description:
            "An API key of one organization (Admin Center → API keys): read-only, its organization only",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookie,
          description: "A signed-in user's session (auth.login); a POST must also send the CSRF header",
        },
        csrf: {
          type: "apiKey",
          in: "header",
          name: csrfHeader,
          description: `The CSRF token auth.login answered (also in the ${csrfCookie} cookie)`,
        },
      },
    },
  };
};
