// Environment roles through the API (spec section 3, "env-admin also manages the environment's permissions"): an
// environment admin gives, changes and removes the environment roles of its environment, nothing else; may agrees.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, auditCount } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const production = { ...checkout, environment: "acme-checkout-production" };
const development = { ...checkout, environment: "acme-checkout-development" };
const newCart = { ...checkout, flag: "acme-new-cart" };
const ENV_ADMIN = "exp-env-admin@acme.example";

interface GrantView {
  readonly id: string;
  readonly version: number;
  readonly role: string;
}

const giveInput = (user: string, role: string, scope: object) => ({
  subject: { kind: "user", id: user },
  role: `experimentation:${role}`,
  scope,
});

const give = (call: Call, user: string, role: string, scope: object) =>
  send("POST", "grants.create", giveInput(user, role, scope), call);

const may = (call: Call, procedure: string, input: unknown) =>
  send("GET", "may", { procedure, input }, call).then((a) => a.data as { allowed: boolean; code?: string });

const check = (call: Call, action: string, resource: object) =>
  send("GET", "authz.check", { action, resource }, call).then((a) => a.data);

/** The unpublished ruleset of New cart in production, as the editor's checks read it. */
const ruleset = {
  ...production,
  flag: "acme-new-cart",
  attrs: { platform: "feature", production: true, flagStatus: "draft", rulesetPublished: false },
};

describe("an environment admin manages its environment's permissions", () => {
  it("gives, changes and removes an environment role in its environment, as may said", async () => {
    const envAdmin = await signIn(ENV_ADMIN);
    const editor = await signIn("exp-editor@acme.example");
    const before = await auditCount();
    // an editor is env-editor in production by default: it creates experiments there
    expect(await check(editor, "experimentation:experiment.create", ruleset)).toBe("allow");

    const input = giveInput("demo-exp-editor", "env-viewer", production);
    expect(await may(envAdmin, "grants.create", input)).toEqual({ allowed: true });
    const created = await send("POST", "grants.create", input, envAdmin);
    expect(created.status).toBe(200);
    const grant = created.data as GrantView;
    expect(await auditCount()).toBe(before + 1);
    expect(await check(editor, "experimentation:experiment.create", ruleset)).toBe("deny");

    const change = { id: grant.id, version: grant.version, role: "experimentation:env-publisher" };
    expect(await may(envAdmin, "grants.update", change)).toEqual({ allowed: true });
    const changed = await send("POST", "grants.update", change, envAdmin);
    expect(changed.status).toBe(200);
    const publisher = changed.data as GrantView;
    expect(publisher.role).toBe("experimentation:env-publisher");
    expect(await check(editor, "experimentation:flag.toggle", ruleset)).toBe("allow");

    const removal = { id: publisher.id, version: publisher.version };
    expect(await may(envAdmin, "grants.remove", removal)).toEqual({ allowed: true });
    expect((await send("POST", "grants.remove", removal, envAdmin)).status).toBe(200);
    expect(await auditCount()).toBe(before + 3);
    expect(await check(editor, "experimentation:flag.toggle", ruleset)).toBe("deny");
  });

  it("refuses another environment, a flag role, a project role and a project owner's locked roles, writing nothing", async () => {
    const envAdmin = await signIn(ENV_ADMIN);
    const before = await auditCount();
    const refusals = [
      [giveInput("demo-exp-editor", "env-viewer", development), 403, "FORBIDDEN"],
      [giveInput("demo-exp-editor", "flag-viewer", newCart), 403, "FORBIDDEN"],
      [giveInput("demo-exp-viewer", "editor", checkout), 403, "FORBIDDEN"],
      [giveInput("demo-exp-project-owner", "env-viewer", production), 400, "BAD_REQUEST"],
    ] as const;
    for (const [input, status, code] of refusals) {
      expect(await may(envAdmin, "grants.create", input)).toMatchObject({ allowed: false, code });
      const answer = await send("POST", "grants.create", input, envAdmin);
      expect(answer.status).toBe(status);
    }
    expect(await auditCount()).toBe(before);
  });

  it("an environment role given by someone else in its environment is its to change; a viewer's is not", async () => {
    const admin = await signIn("admin@acme.example");
    const given = (await give(admin, "demo-exp-publisher", "env-editor", production)).data as GrantView;
    const elsewhere = (await give(admin, "demo-exp-publisher", "env-editor", development)).data as GrantView;
    const envAdmin = await signIn(ENV_ADMIN);
    const envViewer = await signIn("exp-env-viewer@acme.example");
    const removal = { id: given.id, version: given.version };
    expect((await send("POST", "grants.remove", removal, envViewer)).status).toBe(403);
    const outside = { id: elsewhere.id, version: elsewhere.version };
    expect((await send("POST", "grants.remove", outside, envAdmin)).status).toBe(403);
    expect((await send("POST", "grants.remove", removal, envAdmin)).status).toBe(200);
  });

  it("offers the environment's roles at its environment and nothing else there", async () => {
    const envAdmin = await signIn(ENV_ADMIN);
    const answer = await send("GET", "assignable.roles", { scopes: [production] }, envAdmin);
    expect(answer.status).toBe(200);
    const roles = (answer.data as { roles: ReadonlyArray<{ id: string; decision: string }> }).roles;
    const allowed = roles.filter((r) => r.decision === "allow").map((r) => r.id);
    expect(allowed.sort()).toEqual(
      ["env-admin", "env-editor", "env-publisher", "env-viewer"].map((r) => `experimentation:${r}`),
    );
    const elsewhere = await send("GET", "assignable.roles", { scopes: [development] }, envAdmin);
    const offered = (elsewhere.data as { roles: ReadonlyArray<{ decision: string }> }).roles;
    expect(offered.filter((r) => r.decision === "allow")).toEqual([]);
  });
});
