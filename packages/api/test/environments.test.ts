// Environments of the demo's Feature project Checkout through app.request: create, update and remove asked of
// the engine (project owners yes, editors no), production changes seen by the next decision, audited.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface EnvironmentView {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly production: boolean;
  readonly primary: boolean;
  readonly version: number;
}

const PROD = "acme-checkout-production";
const DEV = "acme-checkout-development";
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

const environments = async (call: Call) =>
  (await send("GET", "projects.environments.list", { project: "acme-checkout" }, call))
    .data as ReadonlyArray<EnvironmentView>;

const auditOf = (id: string) =>
  rows<{ action: string; actor_id: string; org: string }>(
    `select action, actor_id, org from audit_log where target_kind = 'environment' and target_id = '${id}' order by id`,
  );

const toggle = (call: Call, environment: string, enabled: boolean) =>
  send("POST", "flags.toggle", { id: "acme-new-cart", environment, enabled }, call);

describe("environments.create", () => {
  it("the project owner adds an environment (audited); editors, other organizations and bad input are refused", async () => {
    const owner = await signIn("exp-project-owner@acme.example");
    const created = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "staging", name: "Staging", production: true },
      owner,
    );
    expect(created.status).toBe(200);
    const staging = created.data as EnvironmentView;
    expect(staging).toMatchObject({ key: "staging", production: true, primary: false, version: 1 });
    expect((await environments(owner)).map((e) => e.key)).toEqual(["production", "development", "staging"]);
    expect(await auditOf(staging.id)).toEqual([
      { action: "environment.create", actor_id: "demo-exp-project-owner", org: "acme" },
    ]);

    const editor = await signIn("exp-editor@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const before = await auditCount();
    const refused = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "qa", name: "QA" },
      editor,
    );
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain('You may not "Create environments" here');
    const foreign = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "qa", name: "QA" },
      partner,
    );
    expect(foreign.status).toBe(404);
    const badKey = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "Not a key", name: "QA" },
      owner,
    );
    expect(badKey.status).toBe(400);
    expect(badKey.error?.message).toContain("key");
    const web = await send(
      "POST",
      "environments.create",
      { project: "acme-homepage", key: "qa", name: "QA" },
      owner,
    );
    expect(web.status).toBe(400);
    const duplicate = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "staging", name: "Again" },
      owner,
    );
    expect(duplicate.status).toBe(409);
    expect(await auditCount()).toBe(before);
  });
});

describe("environments.update", () => {
  it("unmarking production changes the editor's next decision; stale versions, the primary and editors are refused", async () => {
    const owner = await signIn("exp-project-owner@acme.example");
    const editor = await signIn("exp-editor@acme.example");
    const created = await send(
      "POST",
      "environments.create",
      { project: "acme-checkout", key: "preprod", name: "Pre-production", production: true },
      owner,
    );
    const preprod = created.data as EnvironmentView;
    expect((await toggle(editor, preprod.id, true)).status).toBe(403);

    const before = await auditCount();
    const byEditor = await send(
      "POST",
      "environments.update",
      { id: preprod.id, version: preprod.version, production: false },
      editor,
    );
    expect(byEditor.status).toBe(403);
    expect(byEditor.error?.message).toContain('You may not "Edit environments" here');
    const primary = (await environments(owner)).find((e) => e.id === PROD);
    const unmarkPrimary = await send(
      "POST",
      "environments.update",
      { id: PROD, version: primary?.version, production: false },
      owner,
    );
    expect(unmarkPrimary.status).toBe(400);
    expect(unmarkPrimary.error?.message).toContain("production");
    const nothing = await send("POST", "environments.update", { id: preprod.id, version: 1 }, owner);
    expect(nothing.status).toBe(400);
    expect(await auditCount()).toBe(before);

    const unmarked = await send(
      "POST",
      "environments.update",
      { id: preprod.id, version: preprod.version, production: false, name: "QA" },
      owner,
    );
    expect(unmarked.status).toBe(200);
    expect(unmarked.data).toMatchObject({ name: "QA", production: false, version: 2 });
    expect((await toggle(editor, preprod.id, true)).status).toBe(200);

    const stale = await send(
      "POST",
      "environments.update",
      { id: preprod.id, version: preprod.version, name: "Late" },
      owner,
    );
    expect(stale.status).toBe(409);
    const rekey = await send("POST", "environments.update", { id: preprod.id, version: 2, key: "qa" }, owner);
    expect(rekey.status).toBe(400);
    expect(rekey.error?.message).toContain("key");
    expect((await auditOf(preprod.id)).map((a) => a.action)).toEqual([
      "environment.create",
      "environment.update",
    ]);
  });

  it("the Experimentation administrator moves the primary mark; the old primary stays production", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const development = (await environments(admin)).find((e) => e.id === DEV);
    const moved = await send(
      "POST",
      "environments.update",
      { id: DEV, version: development?.version, primary: true },
      admin,
    );
    expect(moved.status).toBe(200);
    const after = await environments(admin);
    expect(after.find((e) => e.id === DEV)).toMatchObject({ primary: true, production: true });
    expect(after.find((e) => e.id === PROD)).toMatchObject({ primary: false, production: true });
    const notTrue = await send(
      "POST",
      "environments.update",
      { id: PROD, version: 2, primary: false },
      admin,
    );
    expect(notTrue.status).toBe(400);
    expect(notTrue.error?.message).toContain("primary");
    const back = await send(
      "POST",
      "environments.update",
      { id: PROD, version: after.find((e) => e.id === PROD)?.version, primary: true },
      admin,
    );
    expect(back.status).toBe(200);
  });
});

describe("environments.remove", () => {
  it("removes an environment with its grants, which the engine drops; the primary and stale versions stay", async () => {
    const owner = await signIn("exp-project-owner@acme.example");
    const editor = await signIn("exp-editor@acme.example");
    const staging = (
      await send(
        "POST",
        "environments.create",
        { project: "acme-checkout", key: "canary", name: "Canary", production: true },
        owner,
      )
    ).data as EnvironmentView;
    const scope = { ...checkout, environment: staging.id };
    const granted = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-exp-editor" }, role: "experimentation:env-publisher", scope },
      owner,
    );
    expect(granted.status).toBe(200);
    const question = {
      action: "experimentation:flag.toggle",
      resource: {
        ...scope,
        flag: "acme-new-cart",
        attrs: { platform: "feature", production: true, flagStatus: "running", rulesetPublished: false },
      },
    };
    expect((await send("GET", "authz.check", question, editor)).data).toBe("allow");

    const before = await auditCount();
    expect(
      (await send("POST", "environments.remove", { id: staging.id, version: staging.version }, editor))
        .status,
    ).toBe(403);
    expect((await send("POST", "environments.remove", { id: staging.id, version: 9 }, owner)).status).toBe(
      409,
    );
    const primary = (await environments(owner)).find((e) => e.primary);
    const keepPrimary = await send(
      "POST",
      "environments.remove",
      { id: primary?.id, version: primary?.version },
      owner,
    );
    expect(keepPrimary.status).toBe(400);
    expect(await auditCount()).toBe(before);

    const removed = await send(
      "POST",
      "environments.remove",
      { id: staging.id, version: staging.version },
      owner,
    );
    expect(removed.status).toBe(200);
    expect((await environments(owner)).map((e) => e.id)).not.toContain(staging.id);
    expect(await rows(`select id from grants where environment = '${staging.id}'`)).toEqual([]);
    expect((await send("GET", "authz.check", question, editor)).data).toBe("deny");
    expect((await auditOf(staging.id)).map((a) => a.action)).toEqual([
      "environment.create",
      "environment.remove",
    ]);
    const again = await send(
      "POST",
      "environments.remove",
      { id: staging.id, version: staging.version },
      owner,
    );
    expect(again.status).toBe(404);
  });
});
