// assignable.permissions through app.request over a demo database: whether the signed-in admin may give single
// permissions at a scope, with the engine's reason, matching what grants.create then accepts or refuses.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const MULTIPLE = "experimentation:flags_multiple_experiments";

interface Answered {
  readonly permission: string;
  readonly decision: "allow" | "deny" | "invalid";
  readonly reason: string;
}

const answered = async (call: Call, scope: object, permissions: ReadonlyArray<string>) => {
  const answer = await send("GET", "assignable.permissions", { scope, permissions }, call);
  expect(answer.status).toBe(200);
  return (answer.data as { permissions: Answered[] }).permissions;
};

const giving = (call: Call, permission: string) =>
  send(
    "POST",
    "grants.create",
    { subject: { kind: "user", id: "demo-exp-viewer" }, permission, scope: checkout },
    call,
  );

describe("assignable.permissions", () => {
  it("project owners are refused flags_multiple_experiments with the engine's reason, as grants.create refuses it", async () => {
    for (const email of ["project-owner@acme.example", "exp-project-owner@acme.example"]) {
      const owner = await signIn(email);
      const [multiple] = await answered(owner, checkout, [MULTIPLE]);
      expect(multiple?.permission).toBe(MULTIPLE);
      expect(multiple?.decision).toBe("deny");
      expect(multiple?.reason.length).toBeGreaterThan(0);
      const forced = await giving(owner, MULTIPLE);
      expect(forced.status).toBe(403);
    }
  });

  it("the Experimentation administrator may give it, and grants.create agrees", async () => {
    const administrator = await signIn("exp-administrator@acme.example");
    expect((await answered(administrator, checkout, [MULTIPLE]))[0]?.decision).toBe("allow");
    expect((await giving(administrator, MULTIPLE)).status).toBe(200);
  });

  it("refuses other organizations, unknown permissions and callers without a session", async () => {
    const administrator = await signIn("exp-administrator@acme.example");
    const foreign = await send(
      "GET",
      "assignable.permissions",
      { scope: { ...checkout, org: "globex" }, permissions: [MULTIPLE] },
      administrator,
    );
    expect(foreign.status).toBe(404);
    const unknown = await send(
      "GET",
      "assignable.permissions",
      { scope: checkout, permissions: ["experimentation:no-such-thing"] },
      administrator,
    );
    expect(unknown.status).toBe(400);
    const anonymous = await send(
      "GET",
      "assignable.permissions",
      { scope: checkout, permissions: [MULTIPLE] },
      {},
    );
    expect(anonymous.status).toBe(401);
  });
});
