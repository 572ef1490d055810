// Flag roles through the API (issue 13 point 1): one grant per flag at {…project, flag}, applying in every
// environment; a flag admin manages its flag's roles; a flag role in one environment, a flag of another project
// or organization, and a flag without its project are refused with 400 naming the field, writing nothing.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const PROD = "acme-checkout-production";
const DEV = "acme-checkout-development";
const flagAt = (flag: string) => ({ ...checkout, flag });
const inEnvironment = (flag: string, environment: string, production: boolean) => ({
  ...checkout,
  environment,
  flag,
  attrs: { platform: "feature", production, flagStatus: "draft", rulesetPublished: false },
});

interface GrantView {
  readonly id: string;
  readonly version: number;
  readonly scope: Record<string, string>;
}

const give = (call: Call, user: string, role: string, scope: Record<string, string | undefined>) =>
  send("POST", "grants.create", { subject: { kind: "user", id: user }, role, scope }, call);

/** `call` gives `user` flag role `role` on `flag` (in every environment). */
const giveFlagRole = (call: Call, user: string, role: string, flag: string) =>
  give(call, user, `experimentation:${role}`, flagAt(flag));

const check = (call: Call, action: string, resource: object) =>
  send("GET", "authz.check", { action, resource }, call).then((a) => a.data);

describe("flag roles at the flag scope", () => {
  it("a flag-none grant hides the flag in every environment; removing it restores the default", async () => {
    const admin = await signIn("admin@acme.example");
    const editor = await signIn("exp-editor@acme.example");
    const before = await auditCount();
    const created = await giveFlagRole(admin, "demo-exp-editor", "flag-none", "acme-dark-mode");
    expect(created.status).toBe(200);
    const grant = created.data as GrantView;
    expect(grant.scope).toEqual(flagAt("acme-dark-mode"));
    expect(await auditCount()).toBe(before + 1);
    for (const [environment, production] of [
      [PROD, true],
      [DEV, false],
    ] as const) {
      const resource = inEnvironment("acme-dark-mode", environment, production);
      expect(await check(editor, "experimentation:flag.view", resource)).toBe("deny");
      expect(await check(editor, "experimentation:experiment.create", resource)).toBe("deny");
    }
    // an environment added later: the flag stays hidden there
    const later = inEnvironment("acme-dark-mode", "staging-not-yet-stored", false);
    expect(await check(editor, "experimentation:flag.view", later)).toBe("deny");
    const flags = (await send("GET", "flags.list", { project: "acme-checkout" }, editor))
      .data as ReadonlyArray<{
      readonly key: string;
    }>;
    expect(flags.map((f) => f.key)).toEqual(["new-cart"]);

    const removed = await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
    expect(removed.status).toBe(200);
    expect(
      await check(editor, "experimentation:flag.view", inEnvironment("acme-dark-mode", DEV, false)),
    ).toBe("allow");
  });

  it("a flag admin gives and removes its own flag's roles, not another flag's nor other roles", async () => {
    const flagAdmin = await signIn("exp-flag-admin@acme.example");
    const own = await giveFlagRole(flagAdmin, "demo-exp-editor", "flag-viewer", "acme-new-cart");
    expect(own.status).toBe(200);
    const grant = own.data as GrantView;
    const before = await auditCount();
    const other = await giveFlagRole(flagAdmin, "demo-exp-editor", "flag-viewer", "acme-dark-mode");
    expect(other.status).toBe(403);
    const project = await give(flagAdmin, "demo-exp-viewer", "experimentation:editor", checkout);
    expect(project.status).toBe(403);
    // the entity roles of a project owner cannot be changed, by anyone
    const owner = await giveFlagRole(flagAdmin, "demo-exp-project-owner", "flag-none", "acme-new-cart");
    expect(owner.status).toBe(400);
    expect(await auditCount()).toBe(before);
    const removed = await send("POST", "grants.remove", { id: grant.id, version: grant.version }, flagAdmin);
    expect(removed.status).toBe(200);
    // a flag viewer does not manage the flag's permissions
    const viewer = await signIn("exp-flag-viewer@acme.example");
    const refused = await giveFlagRole(viewer, "demo-exp-editor", "flag-none", "acme-new-cart");
    expect(refused.status).toBe(403);
  });

  it("refuses a flag role in one environment, a flag of another project or none, and a flag without its project", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const perEnvironment = await give(admin, "demo-exp-editor", "experimentation:flag-viewer", {
      ...checkout,
      environment: PROD,
      flag: "acme-new-cart",
    });
    expect(perEnvironment.status).toBe(400);
    expect(perEnvironment.error?.message).toContain("every environment");

    const made = await giveFlagRole(admin, "demo-exp-editor", "flag-viewer", "no-such-flag");
    expect(made.status).toBe(400);
    expect(made.error?.message).toContain("scope.flag");

    const elsewhere = await give(admin, "demo-exp-editor", "experimentation:flag-viewer", {
      ...checkout,
      project: "acme-homepage",
      flag: "acme-new-cart",
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.error?.message).toBe(
      made.error?.message.replace("no-such-flag", "acme-new-cart").replace("acme-checkout", "acme-homepage"),
    );

    const gap = await give(admin, "demo-exp-editor", "experimentation:flag-viewer", {
      org: "acme",
      product: "experimentation",
      instance: "acme-exp",
      flag: "acme-new-cart",
    });
    expect(gap.status).toBe(400);
    expect(gap.error?.message).toContain("scope:");
    expect(await auditCount()).toBe(before);
  });

  it("another organization's flag answers exactly as a made-up one", async () => {
    await rows(`insert into organizations (id, name, kind) values ('initech', 'Initech', 'customer')`);
    await rows(
      `insert into instances (id, org, product, name) values ('ini-exp', 'initech', 'experimentation', 'Exp')`,
    );
    await rows(
      `insert into projects (id, org, instance, name, platform) values ('ini-app', 'initech', 'ini-exp', 'App', 'feature')`,
    );
    await rows(
      `insert into flags (id, project, key, name) values ('ini-flag', 'ini-app', 'secret', 'Secret')`,
    );
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const foreign = await giveFlagRole(admin, "demo-exp-editor", "flag-viewer", "ini-flag");
    const made = await giveFlagRole(admin, "demo-exp-editor", "flag-viewer", "ini-flag-x");
    expect(foreign.status).toBe(made.status);
    expect(foreign.error?.message).toBe(made.error?.message.replace("ini-flag-x", "ini-flag"));
    expect(await auditCount()).toBe(before);
  });

  it("previews a flag role on the flag and its ruleset in each environment", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send(
      "GET",
      "whatIf.preview",
      {
        subject: "demo-exp-editor",
        change: { kind: "create", role: "experimentation:flag-viewer", scope: flagAt("acme-dark-mode") },
      },
      admin,
    );
    expect(answer.status).toBe(200);
    const scopes = (
      answer.data as {
        scopes: ReadonlyArray<{ scope: Record<string, string>; lost: ReadonlyArray<{ id: string }> }>;
      }
    ).scopes;
    expect(scopes.map((s) => s.scope.environment)).toEqual([undefined, PROD, DEV]);
    expect(scopes[0]?.lost.map((a) => a.id)).toContain("experimentation:flag.edit");
    expect(scopes[2]?.lost.map((a) => a.id)).toContain("experimentation:flag.toggle");
  });
});
