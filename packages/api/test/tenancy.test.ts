// Instances, projects and flags through app.request over a demo database: reads within the organization,
// writes asked of the engine with resource attributes from stored rows (toggle in production by role), audited.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface InstanceView {
  readonly id: string;
  readonly product: string;
  readonly name: string;
  readonly version: number;
}
interface State {
  readonly environment: string;
  readonly enabled: boolean;
  readonly rulesetPublished: boolean;
}
interface FlagView {
  readonly id: string;
  readonly key: string;
  readonly status: string;
  readonly version: number;
  readonly states: ReadonlyArray<State>;
}

const PROD = "acme-checkout-production";
const DEV = "acme-checkout-development";

const stateOf = async (flag: string, environment: string) =>
  (
    await rows<{ enabled: boolean }>(
      `select enabled from flag_environment_states where flag = '${flag}' and environment = '${environment}'`,
    )
  )[0]?.enabled;

/** The environments of a new Feature project `name` of acme's Experimentation instance, created by `admin`. */
const featureProjectEnvironments = async (admin: Call, name: string) => {
  const created = await send(
    "POST",
    "projects.create",
    { org: "acme", instance: "acme-exp", name, platform: "feature" },
    admin,
  );
  expect(created.status).toBe(200);
  const project = (created.data as { readonly id: string }).id;
  const listed = await send("GET", "projects.environments.list", { project }, admin);
  return listed.data as ReadonlyArray<{ readonly id: string; readonly key: string }>;
};

describe("instances", () => {
  it("the super admin lists, creates and renames instances (audited); others see only what they may view", async () => {
    const admin = await signIn("admin@acme.example");
    const listed = await send("GET", "instances.list", { org: "acme" }, admin);
    expect(listed.status).toBe(200);
    const all = listed.data as ReadonlyArray<InstanceView>;
    expect(all.map((i) => i.id)).toContain("acme-exp");
    expect(all.map((i) => i.id)).toContain("acme-cms");
    const exp = await send("GET", "instances.list", { org: "acme", product: "experimentation" }, admin);
    expect((exp.data as ReadonlyArray<InstanceView>).map((i) => i.id)).toEqual(["acme-exp"]);

    const created = await send(
      "POST",
      "instances.create",
      { org: "acme", product: "cms", name: "Acme Blog" },
      admin,
    );
    expect(created.status).toBe(200);
    const blog = created.data as InstanceView;
    const renamed = await send(
      "POST",
      "instances.rename",
      { id: blog.id, version: blog.version, name: "Acme Journal" },
      admin,
    );
    expect(renamed.data).toMatchObject({ name: "Acme Journal", version: 2 });
    const audit = await rows<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_log where target_kind = 'instance' and target_id = '${blog.id}' order by id`,
    );
    expect(audit).toEqual([
      { action: "instance.create", actor_id: "demo-admin" },
      { action: "instance.rename", actor_id: "demo-admin" },
    ]);

    const cmsAdmin = await signIn("instance-admin@acme.example");
    const theirs = (await send("GET", "instances.list", { org: "acme" }, cmsAdmin))
      .data as ReadonlyArray<InstanceView>;
    expect(theirs.map((i) => i.id)).toContain("acme-cms");
    expect(theirs.map((i) => i.id)).not.toContain("acme-exp");
    const before = await auditCount();
    const refused = await send(
      "POST",
      "instances.create",
      { org: "acme", product: "cms", name: "Sneaky" },
      cmsAdmin,
    );
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain(
      'You may not "Manage the organization\'s instances and API keys" here',
    );
    expect(await auditCount()).toBe(before);

    const partner = await signIn("partneradmin@agency.example");
    expect((await send("GET", "instances.list", { org: "acme" }, partner)).status).toBe(404);
  });
});

describe("projects and flags", () => {
  it("lists Checkout with its environments and flags with per-environment state", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const projects = await send("GET", "projects.list", { org: "acme", instance: "acme-exp" }, editor);
    expect(projects.status).toBe(200);
    expect(
      (projects.data as ReadonlyArray<{ id: string; instanceName: string }>).map((p) => [
        p.id,
        p.instanceName,
      ]),
    ).toEqual([
      ["acme-checkout", "Acme Experimentation"],
      ["acme-homepage", "Acme Experimentation"],
    ]);
    const envs = await send("GET", "projects.environments.list", { project: "acme-checkout" }, editor);
    expect(envs.data).toMatchObject([
      { id: PROD, key: "production", production: true, primary: true },
      { id: DEV, key: "development", production: false, primary: false },
    ]);
    const flags = (await send("GET", "flags.list", { project: "acme-checkout" }, editor))
      .data as ReadonlyArray<FlagView>;
    expect(flags.map((f) => [f.key, f.status])).toEqual([
      ["dark-mode", "draft"],
      ["new-cart", "running"],
    ]);
    const newCart = flags.find((f) => f.key === "new-cart");
    expect(newCart?.states).toEqual([
      { environment: DEV, enabled: true, rulesetPublished: false },
      { environment: PROD, enabled: true, rulesetPublished: true },
    ]);
    const partner = await signIn("partneradmin@agency.example");
    expect((await send("GET", "flags.list", { project: "acme-checkout" }, partner)).status).toBe(404);

    // flag-none on New cart (a flag role applies in every environment) hides the flag entirely.
    const flagNone = await signIn("exp-flag-none@acme.example");
    const hidden = (await send("GET", "flags.list", { project: "acme-checkout" }, flagNone))
      .data as ReadonlyArray<FlagView>;
    expect(hidden.map((f) => f.key)).toEqual(["dark-mode"]);
    expect(hidden.find((f) => f.key === "dark-mode")?.states.length).toBe(
      flags.find((f) => f.key === "dark-mode")?.states.length,
    );
  });

  it("a Feature project created by the Experimentation administrator gets production and development", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const envs = await featureProjectEnvironments(admin, "Mobile");
    expect(envs.map((e) => e.key)).toEqual(["production", "development"]);
    const cms = await send(
      "POST",
      "projects.create",
      { org: "acme", instance: "acme-cms", name: "Nope", platform: "web" },
      admin,
    );
    expect(cms.status).toBe(400);
  });

  it("exp-editor toggles new-cart in development but not in production (403, the engine's reason, nothing written)", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const off = await send(
      "POST",
      "flags.toggle",
      { id: "acme-new-cart", environment: DEV, enabled: false },
      editor,
    );
    expect(off.status).toBe(200);
    expect(await stateOf("acme-new-cart", DEV)).toBe(false);

    const before = await auditCount();
    const prod = await send(
      "POST",
      "flags.toggle",
      { id: "acme-new-cart", environment: PROD, enabled: false },
      editor,
    );
    expect(prod.status).toBe(403);
    expect(prod.error?.message).toContain(
      'You may not "Launch: turn a flag on or off in an environment" here',
    );
    expect(await auditCount()).toBe(before);
    expect(await stateOf("acme-new-cart", PROD)).toBe(true);

    const other = await send(
      "POST",
      "flags.toggle",
      { id: "acme-new-cart", environment: "acme-mc-production", enabled: false },
      editor,
    );
    expect(other.status).toBe(404);
  });

  it("flags.toggle answers an environment outside the flag's project as a made-up one (another organization's too)", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const elsewhere = (await featureProjectEnvironments(admin, "Elsewhere"))[0]?.id ?? "";
    const toggle = (environment: string) =>
      send("POST", "flags.toggle", { id: "acme-new-cart", environment, enabled: false }, admin);
    const before = await auditCount();
    const outside = await toggle(elsewhere);
    const madeUp = await toggle("env_madeup");
    expect([outside.status, outside.error?.message]).toEqual([404, `No environment "${elsewhere}"`]);
    expect([madeUp.status, madeUp.error?.message]).toEqual([404, 'No environment "env_madeup"']);
    expect(await auditCount()).toBe(before);
  });

  it("exp-publisher and exp-env-publisher (editor + env-publisher on production) toggle in production, audited", async () => {
    for (const [email, actor] of [
      ["exp-publisher@acme.example", "demo-exp-publisher"],
      ["exp-env-publisher@acme.example", "demo-exp-env-publisher"],
    ] as const) {
      const user = await signIn(email);
      const enabled = !(await stateOf("acme-new-cart", PROD));
      const toggled = await send(
        "POST",
        "flags.toggle",
        { id: "acme-new-cart", environment: PROD, enabled },
        user,
      );
      expect(toggled.status).toBe(200);
      expect((toggled.data as FlagView).states.find((s) => s.environment === PROD)).toEqual({
        environment: PROD,
        enabled,
        rulesetPublished: true,
      });
      expect(await stateOf("acme-new-cart", PROD)).toBe(enabled);
      const audit = await rows<{ action: string; actor_id: string; org: string }>(
        `select action, actor_id, org from audit_log where target_kind = 'flag' order by id desc limit 1`,
      );
      expect(audit).toEqual([{ action: "flag.toggle", actor_id: actor, org: "acme" }]);
    }
  });

  it("an editor creates a flag and pauses it; a viewer cannot create one", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const created = await send(
      "POST",
      "flags.create",
      { project: "acme-checkout", key: "fast-checkout", name: "Fast checkout" },
      editor,
    );
    expect(created.status).toBe(200);
    const flag = created.data as FlagView;
    expect(flag).toMatchObject({ key: "fast-checkout", status: "draft", states: [] });
    const paused = await send(
      "POST",
      "flags.setStatus",
      { id: flag.id, version: flag.version, status: "paused" },
      editor,
    );
    expect(paused.status).toBe(200);
    expect(paused.data).toMatchObject({ status: "paused", version: flag.version + 1 });
    const audit = await rows<{ action: string }>(
      `select action from audit_log where target_kind = 'flag' and target_id = '${flag.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["flag.create", "flag.status.set"]);

    const viewer = await signIn("exp-viewer@acme.example");
    const before = await auditCount();
    const refused = await send(
      "POST",
      "flags.create",
      { project: "acme-checkout", key: "viewer-flag", name: "Viewer flag" },
      viewer,
    );
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain('You may not "Create flags" here');
    expect(await auditCount()).toBe(before);
    const web = await send("POST", "flags.create", { project: "acme-homepage", key: "x", name: "X" }, editor);
    expect(web.status).toBe(400);
  });
});
