// The what-if preview through app.request over a demo database (PGlite): the actions a user gains and loses
// per affected scope for a changed, new or removed grant; who may ask; and that nothing changes afterwards.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it, vi } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, auditCount, runtime } = demoApi();
const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;

const exp = { org: "acme", product: "experimentation", instance: "acme-exp" };
const checkout = { ...exp, project: "acme-checkout" };
const homepage = { ...exp, project: "acme-homepage" };
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const EDITOR = "demo-exp-editor";

interface ScopeDiff {
  readonly scope: Record<string, string>;
  readonly gained: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly lost: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}
interface Preview {
  readonly subject: string;
  readonly scopes: ReadonlyArray<ScopeDiff>;
  readonly members: ReadonlyArray<{ readonly subject: string; readonly scopes: ReadonlyArray<ScopeDiff> }>;
}

const preview = async (call: Call, input: unknown) => {
  const answer = await send("GET", "whatIf.preview", input, call);
  return {
    status: answer.status,
    code: answer.error?.data.code,
    message: answer.error?.message,
    data: answer.data as Preview,
  };
};

const ids = (actions: ReadonlyArray<{ readonly id: string }>) => actions.map((a) => a.id);

/** The editor's grant on Checkout (the demo gives exactly one). */
const editorGrant = async (admin: Call): Promise<string> => {
  const answer = await send(
    "GET",
    "grants.list",
    { org: "acme", subject: { kind: "user", id: EDITOR } },
    admin,
  );
  const grants = answer.data as ReadonlyArray<{ id: string; role: string }>;
  const grant = grants.find((g) => g.role === "experimentation:editor");
  if (grant === undefined) throw new Error("the demo editor has no editor grant");
  return grant.id;
};

/** What the editor may do on Checkout, asked through authz.whatCan (to show the engine is unchanged). */
const editorActions = async (admin: Call) =>
  (
    await send(
      "GET",
      "authz.whatCan",
      { subject: EDITOR, resource: { ...checkout, attrs: { platform: "feature" } } },
      admin,
    )
  ).data as ReadonlyArray<string>;

describe("whatIf.preview", () => {
  it("lists what a role change takes away on the grant's scope, and changes nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const grant = await editorGrant(admin);
    const actionsBefore = await editorActions(admin);
    const audits = await auditCount();

    const answer = await preview(admin, {
      subject: EDITOR,
      change: { kind: "update", grant, role: "experimentation:viewer" },
    });
    expect(answer.status).toBe(200);
    expect(answer.data.scopes.map((s) => s.scope)).toEqual([
      checkout,
      { ...checkout, environment: "acme-checkout-production" },
      { ...checkout, environment: "acme-checkout-development" },
    ]);
    const [diff, , development] = answer.data.scopes;
    // Rules are decided in environments: outside production the editor launches flags, a viewer does not.
    expect(ids(development?.lost ?? [])).toContain("experimentation:flag.toggle");
    expect(ids(diff?.lost ?? [])).toContain("experimentation:flag.create");
    expect(ids(diff?.lost ?? [])).not.toContain("experimentation:project.view");
    expect(diff?.gained).toEqual([]);
    expect(diff?.lost.find((a) => a.id === "experimentation:flag.create")?.label).toBeTruthy();

    expect(await editorActions(admin)).toEqual(actionsBefore);
    expect(await auditCount()).toBe(audits);
  });

  it("lists what a promotion gains and what a removal loses", async () => {
    const admin = await signIn("admin@acme.example");
    const grant = await editorGrant(admin);
    const promoted = await preview(admin, {
      subject: EDITOR,
      change: { kind: "update", grant, role: "experimentation:project-owner" },
    });
    const [up] = promoted.data.scopes;
    expect(ids(up?.gained ?? [])).toContain("experimentation:collaborator.invite");
    expect(up?.lost).toEqual([]);

    const removed = await preview(admin, { subject: EDITOR, change: { kind: "remove", grant } });
    const [gone] = removed.data.scopes;
    expect(ids(gone?.lost ?? [])).toContain("experimentation:project.view");
    expect(gone?.gained).toEqual([]);
    expect(await editorActions(admin)).toContain("experimentation:project.view");
  });

  it("previews a flag in an environment with the attributes the toggle asks with (rulesetPublished too)", async () => {
    const admin = await signIn("admin@acme.example");
    // Dark mode has no state in production: unpublished, so the editor's default env-editor may create experiments
    // there, which a flag-viewer role on the flag takes away (without the attribute both sides failed closed).
    // The flag role sits at the flag (every environment): the preview shows the flag, then its ruleset in each.
    const darkMode = { ...checkout, flag: "acme-dark-mode" };
    const capped = await preview(admin, {
      subject: EDITOR,
      change: { kind: "create", role: "experimentation:flag-viewer", scope: darkMode },
    });
    expect(capped.status).toBe(200);
    expect(capped.data.scopes[1]?.scope.environment).toBe("acme-checkout-production");
    expect(ids(capped.data.scopes[1]?.lost ?? [])).toContain("experimentation:experiment.create");
  });

  it("lists each gain once: a Feature project's environments show only what the project does not", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await preview(admin, {
      subject: "demo-customeruser",
      change: { kind: "create", role: "experimentation:editor", scope: checkout },
    });
    expect(answer.status).toBe(200);
    expect(answer.data.scopes.map((s) => s.scope.environment)).toEqual([
      undefined,
      "acme-checkout-production",
      "acme-checkout-development",
    ]);
    const told = answer.data.scopes.flatMap((s) => ids(s.gained));
    expect(told.length).toBeGreaterThan(30);
    expect(new Set(told).size).toBe(told.length);
    expect(ids(answer.data.scopes[2]?.gained ?? [])).toContain("experimentation:flag.toggle");
  });

  it("previews a new grant, and an Experimentation instance-wide one on each of its projects", async () => {
    const admin = await signIn("admin@acme.example");
    const onHomepage = await preview(admin, {
      subject: EDITOR,
      change: { kind: "create", role: "experimentation:viewer", scope: homepage },
    });
    expect(onHomepage.data.scopes.map((s) => s.scope)).toEqual([homepage]);
    expect(onHomepage.data.members).toEqual([]);
    expect(ids(onHomepage.data.scopes[0]?.gained ?? [])).toContain("experimentation:results.view");

    const instanceWide = await preview(admin, {
      subject: EDITOR,
      change: { kind: "create", role: "experimentation:administrator", scope: exp },
    });
    expect(instanceWide.data.scopes.map((s) => s.scope)).toEqual([exp, checkout, homepage]);
    const [onInstance, onCheckout, onWeb] = instanceWide.data.scopes;
    // Each gain is told once, at the widest scope: the instance's are not repeated on its projects.
    const wide = ids(onInstance?.gained ?? []);
    expect(wide).toContain("experimentation:environment.create");
    expect(ids(onCheckout?.gained ?? []).filter((a) => wide.includes(a))).toEqual([]);
    expect(wide).toContain("experimentation:billing.view");
    expect(ids(onWeb?.gained ?? []).filter((a) => wide.includes(a))).toEqual([]);
    // The preview grant is gone again.
    const after = await send(
      "GET",
      "grants.list",
      { org: "acme", subject: { kind: "user", id: EDITOR } },
      admin,
    );
    expect((after.data as ReadonlyArray<unknown>).length).toBe(1);
  });

  it("previews a group's change for the group and each member, never adding or removing a live grant", async () => {
    const admin = await signIn("admin@acme.example");
    const group = await send("POST", "groups.create", { org: "acme", name: "What-if crew" }, admin);
    const groupId = (group.data as { id: string }).id;
    expect((await send("POST", "groups.addMember", { groupId, userId: EDITOR }, admin)).status).toBe(200);
    const { snapshot } = await engine();
    const writes = [vi.spyOn(snapshot, "addGrant"), vi.spyOn(snapshot, "removeGrant")];
    const answer = await preview(admin, {
      subject: groupId,
      change: { kind: "create", role: "experimentation:viewer", scope: homepage },
    });
    for (const write of writes) {
      expect(write).not.toHaveBeenCalled();
      write.mockRestore();
    }
    expect(answer.status).toBe(200);
    expect(answer.data.subject).toBe(groupId);
    expect(ids(answer.data.scopes[0]?.gained ?? [])).toContain("experimentation:results.view");
    expect(answer.data.members.map((m) => m.subject)).toEqual([EDITOR]);
    expect(answer.data.members[0]?.scopes.map((s) => s.scope)).toEqual([homepage]);
    expect(ids(answer.data.members[0]?.scopes[0]?.gained ?? [])).toContain("experimentation:results.view");
  });

  it("asks admin-center:user.view at the changed scope", async () => {
    const admin = await signIn("admin@acme.example");
    const grant = await editorGrant(admin);
    const owner = await signIn("project-owner@acme.example");
    const ownerAnswer = await preview(owner, {
      subject: EDITOR,
      change: { kind: "update", grant, role: "experimentation:viewer" },
    });
    expect(ownerAnswer.status).toBe(200);
    const cmsChange = {
      subject: EDITOR,
      change: { kind: "create", role: "cms:content-editors", scope: cms },
    };
    expect((await preview(owner, cmsChange)).code).toBe("FORBIDDEN");
    const instanceAdmin = await signIn("instance-admin@acme.example");
    expect((await preview(instanceAdmin, { subject: EDITOR, change: { kind: "remove", grant } })).code).toBe(
      "FORBIDDEN",
    );
    expect((await preview(instanceAdmin, cmsChange)).status).toBe(200);
    const plain = await signIn("exp-viewer@acme.example");
    expect((await preview(plain, { subject: EDITOR, change: { kind: "remove", grant } })).code).toBe(
      "FORBIDDEN",
    );
    expect((await preview({}, { subject: EDITOR, change: { kind: "remove", grant } })).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("refuses unknown roles, other subjects' grants and invented scopes without changing the engine", async () => {
    const admin = await signIn("admin@acme.example");
    const grant = await editorGrant(admin);
    const actionsBefore = await editorActions(admin);
    const unknownRole = await preview(admin, {
      subject: EDITOR,
      change: { kind: "update", grant, role: "experimentation:overlord" },
    });
    expect(unknownRole.code).toBe("BAD_REQUEST");
    expect(unknownRole.message).toBe('Unknown role "experimentation:overlord"');
    const notTheirs = await preview(admin, {
      subject: "demo-exp-viewer",
      change: { kind: "remove", grant },
    });
    expect(notTheirs.code).toBe("BAD_REQUEST");
    expect(notTheirs.message).toBe(`change.grant: "${grant}" is not held by demo-exp-viewer`);
    const nowhere = await preview(admin, {
      subject: EDITOR,
      change: {
        kind: "create",
        role: "experimentation:viewer",
        scope: { ...exp, project: "no-such-project" },
      },
    });
    expect(nowhere.code).toBe("NOT_FOUND");
    expect(
      (await preview(admin, { subject: EDITOR, change: { kind: "remove", grant: "grt_none" } })).code,
    ).toBe("NOT_FOUND");
    expect(await editorActions(admin)).toEqual(actionsBefore);
  });
});
