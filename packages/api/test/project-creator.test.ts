// Who creates Experimentation projects, on PGlite and PostgreSQL (seed 004, rules/project-creator.ts): an owner of
// a Web project creates Web projects and owns them; an administrator creates any and is given nothing; others not.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const exp = { org: "acme", product: "experimentation", instance: "acme-exp" };
const homepage = { ...exp, project: "acme-homepage" };

interface Grant {
  readonly role: string | null;
  readonly subject: { readonly id: string };
}

for (const backend of ["pglite", "postgres"] as const) {
  describe(`projects.create by a project owner, on ${backend}`, () => {
    const { send, signIn } = demoApi(backend);
    const create = (call: Call, name: string, platform: "web" | "feature") =>
      send("POST", "projects.create", { org: "acme", instance: "acme-exp", name, platform }, call);
    const grantsAt = async (admin: Call, project: string) => {
      const listed = await send("GET", "grants.list", { org: "acme", scope: { ...exp, project } }, admin);
      expect(listed.status, JSON.stringify(listed.error)).toBe(200);
      return (listed.data as ReadonlyArray<Grant>).map((g) => `${g.subject.id} ${g.role}`);
    };

    it("lets a Web project's owner create Web projects, owned by it, as may and whatCan say", async () => {
      const administrator = await signIn("exp-administrator@acme.example");
      const made = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-exp-viewer" },
          role: "experimentation:project-owner",
          scope: homepage,
        },
        administrator,
      );
      expect(made.status, JSON.stringify(made.error)).toBe(200);
      const owner = await signIn("exp-viewer@acme.example");
      const input = { org: "acme", instance: "acme-exp", name: "Landing pages", platform: "web" };
      expect((await send("GET", "may", { procedure: "projects.create", input }, owner)).data).toEqual({
        allowed: true,
      });
      const created = await create(owner, "Landing pages", "web");
      expect(created.status, JSON.stringify(created.error)).toBe(200);
      const project = (created.data as { id: string }).id;
      expect(await grantsAt(administrator, project)).toEqual([
        "demo-exp-viewer experimentation:project-owner",
      ]);
      const own = { ...exp, project, attrs: { platform: "web" } };
      const asked = await send(
        "GET",
        "authz.check",
        { action: "experimentation:collaborator.add", resource: own },
        owner,
      );
      expect(asked.data).toBe("allow");
      // A Feature project is not what its Web ownership lets it create.
      const feature = await create(owner, "Mobile app", "feature");
      expect(feature.status).toBe(403);
    });

    it("owns what it creates only as long as its ownership lasts; a single permission makes nobody an owner", async () => {
      const administrator = await signIn("exp-administrator@acme.example");
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const limited = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-exp-publisher" },
          role: "experimentation:project-owner",
          scope: homepage,
          expiresAt: until,
        },
        administrator,
      );
      expect(limited.status, JSON.stringify(limited.error)).toBe(200);
      const publisher = await signIn("exp-publisher@acme.example");
      const made = await create(publisher, "Seasonal", "web");
      expect(made.status, JSON.stringify(made.error)).toBe(200);
      const listed = await send(
        "GET",
        "grants.list",
        { org: "acme", scope: { ...exp, project: (made.data as { id: string }).id } },
        administrator,
      );
      expect(listed.data).toEqual([
        expect.objectContaining({ role: "experimentation:project-owner", expiresAt: until }),
      ]);

      const single = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-exp-flag-viewer" },
          permission: "experimentation:project.create",
          scope: homepage,
        },
        administrator,
      );
      expect(single.status, JSON.stringify(single.error)).toBe(200);
      const viewer = await signIn("exp-flag-viewer@acme.example");
      const plain = await create(viewer, "Plain", "web");
      expect(plain.status, JSON.stringify(plain.error)).toBe(200);
      expect(await grantsAt(administrator, (plain.data as { id: string }).id)).toEqual([]);
    });

    it("gives an administrator nothing for the project it creates, and refuses an editor", async () => {
      const administrator = await signIn("exp-administrator@acme.example");
      const created = await create(administrator, "Campaigns", "web");
      expect(created.status).toBe(200);
      expect(await grantsAt(administrator, (created.data as { id: string }).id)).toEqual([]);
      const editor = await signIn("exp-editor@acme.example");
      expect((await create(editor, "Not mine", "web")).status).toBe(403);
    });
  });
}
