// An assignment refused in the actor's own organization reads in its words: "You hold…", places and products by
// name, never the actor's id or a place's path of ids (authorize.ts's assignmentInWords, names/reason-words.ts).
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

describe("an assignment's refusal", () => {
  it("names the actor as you and the place by its names", async () => {
    const productAdmin = await signIn("product-admin@acme.example");
    const scope = { org: "acme", product: "odp", instance: "acme-odp" };
    const refused = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "odp:all-access", scope },
      productAdmin,
    );
    expect(refused.status).toBe(403);
    const message = refused.error?.message ?? "";
    expect(message).toMatch(/^You hold no admin level covering .+ for .+/);
    expect(message).not.toContain("demo-product-admin");
    expect(message).not.toContain("acme/odp/acme-odp");
    // The app's guard reads the same words (`may` rehearses the call).
    const input = { subject: { kind: "user", id: "demo-customeruser" }, role: "odp:all-access", scope };
    const rehearsed = await send("GET", "may", { procedure: "grants.create", input }, productAdmin);
    expect(rehearsed.data).toEqual({ allowed: false, code: "FORBIDDEN", reason: message });
  });
});
