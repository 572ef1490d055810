// Renaming and removing projects and instances through app.request over a demo database: asked of the engine,
// versioned, audited, and cascading to environments, grants (dropped by the engine) and pending invitations.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface Versioned {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

const exp = { org: "acme", product: "experimentation", instance: "acme-exp" };

const auditOf = (kind: string, id: string) =>
  rows<{ action: string; actor_id: string }>(
    `select action, actor_id from audit_log where target_kind = '${kind}' and target_id = '${id}' order by id`,
  );

const invitationStatus = async (email: string) =>
  (await rows<{ status: string }>(`select status from invitations where email = '${email}'`))[0]?.status;

/** Invites `email` with one role at one scope, as the super admin. */
const invite = async (admin: Call, email: string, role: string, scope: object) => {
  const invited = await send(
    "POST",
    "users.invite",
    { org: "acme", emails: [email], language: "en", grants: [{ role, scope }] },
    admin,
  );
  expect(invited.status).toBe(200);
};

const flagCreate = (project: string) => ({
  action: "experimentation:flag.create",
  resource: { ...exp, project, attrs: { platform: "feature" } },
});

describe("projects.rename and projects.remove", () => {
  it("the Experimentation administrator renames and removes a project; grants go from the engine, invitations are revoked", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const superAdmin = await signIn("admin@acme.example");
    const owner = await signIn("exp-project-owner@acme.example");
    const viewer = await signIn("exp-viewer@acme.example");
    const partner = await signIn("partneradmin@agency.example");
    const created = await send(
      "POST",
      "projects.create",
      { org: "acme", instance: "acme-exp", name: "Mobile", platform: "feature" },
      admin,
    );
    const mobile = created.data as Versioned;

    const renamed = await send(
      "POST",
      "projects.rename",
      { id: mobile.id, version: 1, name: " Mobile app " },
      admin,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ name: "Mobile app", version: 2 });

    const before = await auditCount();
    const stale = await send("POST", "projects.rename", { id: mobile.id, version: 1, name: "Late" }, admin);
    expect(stale.status).toBe(409);
    const notOwner = await send(
      "POST",
      "projects.rename",
      { id: "acme-checkout", version: 1, name: "Mine" },
      owner,
    );
    expect(notOwner.status).toBe(403);
    expect(notOwner.error?.message).toContain("experimentation:project.create");
    const foreign = await send(
      "POST",
      "projects.rename",
      { id: mobile.id, version: 2, name: "Ours" },
      partner,
    );
    expect(foreign.status).toBe(404);
    const empty = await send("POST", "projects.rename", { id: mobile.id, version: 2, name: " " }, admin);
    expect(empty.status).toBe(400);
    expect(empty.error?.message).toContain("name");
    expect(await auditCount()).toBe(before);

    const scope = { ...exp, project: mobile.id };
    const granted = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-exp-viewer" }, role: "experimentation:editor", scope },
      admin,
    );
    expect(granted.status).toBe(200);
    await invite(superAdmin, "mobile.viewer@acme.example", "experimentation:viewer", scope);
    expect((await send("GET", "authz.check", flagCreate(mobile.id), viewer)).data).toBe("allow");

    const afterSetup = await auditCount();
    expect((await send("POST", "projects.remove", { id: mobile.id, version: 2 }, viewer)).status).toBe(403);
    expect((await send("POST", "projects.remove", { id: mobile.id, version: 1 }, admin)).status).toBe(409);
    expect(await auditCount()).toBe(afterSetup);

    const removed = await send("POST", "projects.remove", { id: mobile.id, version: 2 }, admin);
    expect(removed.status).toBe(200);
    expect((await send("GET", "authz.check", flagCreate(mobile.id), viewer)).data).toBe("deny");
    expect(await rows(`select id from grants where project = '${mobile.id}'`)).toEqual([]);
    expect(await rows(`select id from environments where project = '${mobile.id}'`)).toEqual([]);
    expect(await invitationStatus("mobile.viewer@acme.example")).toBe("revoked");
    const listed = (await send("GET", "projects.list", { org: "acme", instance: "acme-exp" }, admin))
      .data as ReadonlyArray<Versioned>;
    expect(listed.map((p) => p.id)).not.toContain(mobile.id);
    expect((await send("GET", "projects.environments.list", { project: mobile.id }, admin)).status).toBe(404);
    expect((await send("POST", "projects.remove", { id: mobile.id, version: 2 }, admin)).status).toBe(404);
    expect(await auditOf("project", mobile.id)).toEqual([
      { action: "project.create", actor_id: "demo-exp-administrator" },
      { action: "project.rename", actor_id: "demo-exp-administrator" },
      { action: "project.remove", actor_id: "demo-exp-administrator" },
    ]);
  });
});

describe("instances.remove", () => {
  it("the super admin removes an instance at its version; others are refused and nothing changes", async () => {
    const admin = await signIn("admin@acme.example");
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const blog = (
      await send("POST", "instances.create", { org: "acme", product: "cms", name: "Acme Blog" }, admin)
    ).data as Versioned;
    await invite(admin, "blog.editor@acme.example", "cms:content-editors", {
      org: "acme",
      product: "cms",
      instance: blog.id,
    });

    const before = await auditCount();
    const refused = await send("POST", "instances.remove", { id: "acme-cms", version: 1 }, instanceAdmin);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:org.manage");
    expect((await send("POST", "instances.remove", { id: blog.id, version: 2 }, admin)).status).toBe(409);
    expect((await send("POST", "instances.remove", { id: blog.id, version: "1" }, admin)).status).toBe(400);
    expect(await auditCount()).toBe(before);

    const removed = await send("POST", "instances.remove", { id: blog.id, version: 1 }, admin);
    expect(removed.status).toBe(200);
    expect(await invitationStatus("blog.editor@acme.example")).toBe("revoked");
    const listed = (await send("GET", "instances.list", { org: "acme" }, admin))
      .data as ReadonlyArray<Versioned>;
    expect(listed.map((i) => i.id)).not.toContain(blog.id);
    expect(
      (await send("POST", "instances.rename", { id: blog.id, version: 1, name: "Back" }, admin)).status,
    ).toBe(404);
    expect((await auditOf("instance", blog.id)).map((a) => a.action)).toEqual([
      "instance.create",
      "instance.remove",
    ]);
  });

  it("removing the Experimentation instance takes its projects, environments, flags and grants", async () => {
    const admin = await signIn("admin@acme.example");
    const editor = await signIn("exp-editor@acme.example");
    expect((await send("GET", "authz.check", flagCreate("acme-checkout"), editor)).data).toBe("allow");
    const instance = (
      (await send("GET", "instances.list", { org: "acme", product: "experimentation" }, admin))
        .data as ReadonlyArray<Versioned>
    )[0];
    const removed = await send(
      "POST",
      "instances.remove",
      { id: "acme-exp", version: instance?.version },
      admin,
    );
    expect(removed.status).toBe(200);
    expect((await send("GET", "authz.check", flagCreate("acme-checkout"), editor)).data).toBe("deny");
    for (const table of ["projects", "grants"])
      expect(await rows(`select id from ${table} where instance = 'acme-exp'`)).toEqual([]);
    expect(await rows("select id from flags where project = 'acme-checkout'")).toEqual([]);
    expect((await send("GET", "flags.list", { project: "acme-checkout" }, editor)).status).toBe(404);
  });
});
