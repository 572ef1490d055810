// The API runs on a real PostgreSQL server as on PGlite: the demo world loads and a demo user signs in and checks.
// Adversarial suites use demoApi("postgres") the same way.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

describe("the API on PostgreSQL", () => {
  const { send, signIn } = demoApi("postgres");

  it("signs in a demo user and answers its checks", async () => {
    const admin = await signIn("customeruser@acme.example");
    const resource = { org: "acme", product: "mission-control", instance: "production" };
    const allowed = await send(
      "GET",
      "authz.check",
      { action: "mission-control:site.restart", resource },
      admin,
    );
    expect(allowed.data).toBe("allow");
    const refused = await send(
      "GET",
      "authz.check",
      { action: "mission-control:code.deploy", resource },
      admin,
    );
    expect(refused.data).toBe("deny");
  });
});
