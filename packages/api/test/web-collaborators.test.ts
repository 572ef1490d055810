// Web Experimentation collaborators through app.request over the demo database: the served role matrix, the project
// roles one may give at chosen projects, and Remove from all projects (what was removed, what refused, by name).
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const exp = { org: "acme", product: "experimentation", instance: "acme-exp" };
const homepage = { ...exp, project: "acme-homepage" };
const checkout = { ...exp, project: "acme-checkout" };
const x = (role: string) => `experimentation:${role}`;

interface Offered {
  readonly id: string;
  readonly name: string;
  readonly sitsAt: string;
  readonly decision: string;
  readonly reason: string;
}

const offered = async (call: Call, scopes: ReadonlyArray<object>) => {
  const answer = await send("GET", "assignable.projectRoles", { scopes }, call);
  expect(answer.status).toBe(200);
  return (answer.data as { roles: ReadonlyArray<Offered> }).roles;
};

const message = (answer: { readonly error?: unknown }) => (answer.error as { message: string }).message;

/** A new Web project of Acme Experimentation, made by the administrator. */
const webProject = async (admin: Call, name: string) => {
  const made = await send(
    "POST",
    "projects.create",
    { org: "acme", instance: "acme-exp", name, platform: "web" },
    admin,
  );
  expect(made.status).toBe(200);
  return (made.data as { id: string }).id;
};

const give = async (admin: Call, user: string, role: string, scope: object) =>
  expect(
    (
      await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: user }, role: x(role), scope },
        admin,
      )
    ).status,
  ).toBe(200);

const grantsOf = (user: string) =>
  rows<{ project: string | null; role: string }>(
    `select project, role from grants where subject_user = '${user}' order by project, role`,
  );

describe("catalog.webRoleMatrix", () => {
  it("serves the engine's table to anyone: seven roles, Restricted Editor's Edit for extensions only", async () => {
    const answer = await send("GET", "catalog.webRoleMatrix", undefined, {});
    expect(answer.status).toBe(200);
    const matrix = answer.data as {
      roles: ReadonlyArray<{ name: string }>;
      groups: ReadonlyArray<{
        label: string;
        rows: ReadonlyArray<{
          label: string;
          cells: ReadonlyArray<{ holds: boolean; notes: ReadonlyArray<string> }>;
        }>;
      }>;
    };
    expect(matrix.roles.map((r) => r.name)).toHaveLength(7);
    const edit = matrix.groups[0]?.rows.find((r) => r.label === "Edit");
    expect(edit?.cells[5]).toEqual({
      role: x("restricted-editor"),
      holds: true,
      notes: ["extensions", "drafts"],
    });
    expect(edit?.cells[6]?.holds).toBe(false);
  });
});

describe("assignable.projectRoles", () => {
  it("offers an administrator the seven Web roles, Administrator at the instance, every one allowed", async () => {
    const roles = await offered(await signIn("exp-administrator@acme.example"), [homepage]);
    expect(roles.map((r) => [r.name, r.sitsAt, r.decision])).toEqual([
      ["Administrator", "instance", "allow"],
      ["Project Owner", "project", "allow"],
      ["Publisher", "project", "allow"],
      ["Restricted Publisher", "project", "allow"],
      ["Editor", "project", "allow"],
      ["Restricted Editor", "project", "allow"],
      ["Viewer", "project", "allow"],
    ]);
  });

  it("does not offer the restricted roles where a Feature project is among the projects", async () => {
    const roles = await offered(await signIn("exp-administrator@acme.example"), [homepage, checkout]);
    expect(roles.map((r) => r.id)).toEqual(
      ["administrator", "project-owner", "publisher", "editor", "viewer"].map(x),
    );
  });

  it("refuses a project owner every role but Editor and Viewer, with the engine's reason", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    await give(admin, "demo-exp-project-owner", "project-owner", homepage);
    const roles = await offered(await signIn("exp-project-owner@acme.example"), [homepage]);
    expect(roles.filter((r) => r.decision === "allow").map((r) => r.name)).toEqual(["Editor", "Viewer"]);
    const administrator = roles.find((r) => r.name === "Administrator");
    // In the reader's words: no ids, the instance by name.
    expect(administrator?.reason).toBe(
      "You hold no admin level covering Experimentation › Acme Experimentation for Experimentation",
    );
    // users.invite agrees with what was offered.
    const invite = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["no.admin@acme.example"],
        language: "en",
        grants: [{ role: x("administrator"), scope: exp }],
      },
      await signIn("exp-project-owner@acme.example"),
    );
    expect(invite.status).toBe(403);
  });

  it("answers another organization's place as a missing one, and names the bad field", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const foreign = await send(
      "GET",
      "assignable.projectRoles",
      { scopes: [{ ...homepage, org: "agency" }] },
      admin,
    );
    const madeUp = await send(
      "GET",
      "assignable.projectRoles",
      { scopes: [{ ...homepage, org: "nowhere" }] },
      admin,
    );
    expect(foreign.status).toBe(404);
    expect(message(foreign)).toBe(message(madeUp).replace("nowhere", "agency"));
    const empty = await send("GET", "assignable.projectRoles", { scopes: [] }, admin);
    expect(empty.status).toBe(400);
    expect(message(empty)).toContain("scopes");
    const instance = await send("GET", "assignable.projectRoles", { scopes: [exp] }, admin);
    expect(instance.status).toBe(400);
    expect(message(instance)).toContain("scopes.0");
    const missing = await send(
      "GET",
      "assignable.projectRoles",
      { scopes: [{ ...exp, project: "made-up" }] },
      admin,
    );
    expect(missing.status).toBe(400);
    expect(message(missing)).toContain("scopes.0.project");
  });
});

describe("users.removeFromProjects", () => {
  it("an administrator removes an invited restricted editor from both Web projects; the answer names them", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const landing = await webProject(admin, "Landing");
    const invite = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["rita.re@acme.example"],
        language: "de",
        grants: [homepage, { ...exp, project: landing }].map((scope) => ({
          role: x("restricted-editor"),
          scope,
        })),
      },
      admin,
    );
    expect(invite.status).toBe(200);
    const rita =
      (invite.data as { invited: ReadonlyArray<{ user: { id: string } }> }).invited[0]?.user.id ?? "";
    expect(await grantsOf(rita)).toHaveLength(2);
    expect(await rows(`select language from invitations where email = 'rita.re@acme.example'`)).toEqual([
      { language: "de" },
    ]);
    const answer = await send(
      "POST",
      "users.removeFromProjects",
      { org: "acme", instance: "acme-exp", userId: rita },
      admin,
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({
      removed: [
        { project: { name: "Homepage" }, roles: ["Restricted Editor"] },
        { project: { name: "Landing" }, roles: ["Restricted Editor"] },
      ],
      refused: [],
    });
    expect(await grantsOf(rita)).toEqual([]);
  });

  it("a project owner removes what it may and is told what it may not, project by project", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const owned = await webProject(admin, "Owned");
    const foreign = await webProject(admin, "Not owned");
    await give(admin, "demo-exp-project-owner", "project-owner", { ...exp, project: owned });
    await give(admin, "demo-exp-restricted-editor", "editor", { ...exp, project: owned });
    await give(admin, "demo-exp-restricted-editor", "editor", { ...exp, project: foreign });
    const owner = await signIn("exp-project-owner@acme.example");
    // Its restricted editor's role on Homepage (which it owns too) is not one a project owner gives.
    const input = { org: "acme", instance: "acme-exp", userId: "demo-exp-restricted-editor" };
    const may = await send("GET", "may", { procedure: "users.removeFromProjects", input }, owner);
    expect(may.data).toEqual({ allowed: true });
    const answer = await send("POST", "users.removeFromProjects", input, owner);
    expect(answer.status).toBe(200);
    const data = answer.data as {
      removed: ReadonlyArray<{ project: { name: string } }>;
      refused: ReadonlyArray<{ project: { name: string }; reason: string }>;
    };
    expect(data.removed.map((r) => r.project.name)).toEqual(["Owned"]);
    expect(data.refused.map((r) => r.project.name).sort()).toEqual(["Homepage", "Not owned"]);
    expect(data.refused[0]?.reason).toMatch(/\w+ \w+/);
    expect(await grantsOf("demo-exp-restricted-editor")).toEqual(
      [
        { project: "acme-homepage", role: x("restricted-editor") },
        { project: foreign, role: x("editor") },
      ].sort((a, b) => (a.project < b.project ? -1 : 1)),
    );
  });

  it("refuses a project owner who may remove none of them, writing nothing", async () => {
    const owner = await signIn("exp-project-owner@acme.example");
    const audits = await auditCount();
    const input = { org: "acme", instance: "acme-exp", userId: "demo-exp-restricted-publisher" };
    const answer = await send("POST", "users.removeFromProjects", input, owner);
    expect(answer.status).toBe(403);
    expect(message(answer)).toBe("Removed nothing: Homepage: a project owner adds only editors and viewers");
    // may answers as the call does.
    const may = await send("GET", "may", { procedure: "users.removeFromProjects", input }, owner);
    expect(may.data).toEqual({ allowed: false, code: "FORBIDDEN", reason: message(answer) });
    expect(await grantsOf("demo-exp-restricted-publisher")).toHaveLength(1);
    expect(await auditCount()).toBe(audits);
  });

  it("refuses a collaborator who removes access nowhere", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const input = { org: "acme", instance: "acme-exp", userId: "demo-exp-restricted-publisher" };
    expect((await send("POST", "users.removeFromProjects", input, editor)).status).toBe(403);
    expect(await grantsOf("demo-exp-restricted-publisher")).toHaveLength(1);
  });

  it("answers another organization and its user as missing ones, and names a bad field", async () => {
    const admin = await signIn("exp-administrator@acme.example");
    const call = (input: object) => send("POST", "users.removeFromProjects", input, admin);
    const base = { org: "acme", instance: "acme-exp" };
    const partner = await call({ ...base, userId: "demo-partneradmin" });
    const madeUp = await call({ ...base, userId: "demo-nobody" });
    expect([partner.status, madeUp.status]).toEqual([404, 404]);
    expect(message(partner)).toBe(message(madeUp).replace("demo-nobody", "demo-partneradmin"));
    expect((await call({ ...base, org: "agency", userId: "demo-partneradmin" })).status).toBe(404);
    const cms = await call({ ...base, instance: "acme-cms", userId: "demo-exp-editor" });
    expect(cms.status).toBe(400);
    expect(message(cms)).toContain("instance");
    const noUser = await call(base);
    expect(noUser.status).toBe(400);
    expect(message(noUser)).toContain("userId");
    expect(await grantsOf("demo-exp-editor")).toHaveLength(1);
  });
});
