// Whoever creates a flag becomes its flag-admin (spec, granular roles): flags.create writes the flag and the
// creator's flag-admin grant in one audited change, explain names that grant, and the creator manages the flag's
// roles; an administrator or project owner, flag-admin of every flag already (locked), gets no grant.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const MANAGE = "experimentation:flag.permissions.manage";

const create = async (call: Call, key: string) => {
  const answer = await send("POST", "flags.create", { project: "acme-checkout", key, name: key }, call);
  expect(answer.status).toBe(200);
  return (answer.data as { id: string }).id;
};

const grantsAt = (flag: string) =>
  rows<{ subject_id: string; role: string; granted_by: string }>(
    `select subject_id, role, granted_by from grants where flag = '${flag}' order by id`,
  );

describe("flags.create", () => {
  it("makes an editor the new flag's flag-admin in the same audited write; explain shows it", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const audits = await auditCount();
    const flag = await create(editor, "by-editor");
    expect(await grantsAt(flag)).toEqual([
      { subject_id: "demo-exp-editor", role: "experimentation:flag-admin", granted_by: "demo-exp-editor" },
    ]);
    expect(await auditCount()).toBe(audits + 1);

    const resource = { ...checkout, flag, attrs: { platform: "feature" } };
    const explained = await send("GET", "authz.explain", { action: MANAGE, resource }, editor);
    expect(explained.data).toMatchObject({
      decision: "allow",
      deciding: expect.arrayContaining([
        expect.objectContaining({ role: "experimentation:flag-admin", scope: { ...checkout, flag } }),
      ]),
    });
    // As its flag-admin the creator gives the flag's roles; on another flag it does not.
    const give = (at: string) =>
      send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-exp-viewer" },
          role: "experimentation:flag-viewer",
          scope: { ...checkout, flag: at },
        },
        editor,
      );
    expect((await give(flag)).status).toBe(200);
    expect((await give("acme-dark-mode")).status).toBe(403);
  });

  it("a flag-none editor creates a flag it then manages", async () => {
    const flagNone = await signIn("exp-flag-none@acme.example");
    const flag = await create(flagNone, "by-flag-none");
    const may = await send(
      "GET",
      "may",
      {
        procedure: "grants.create",
        input: {
          subject: { kind: "user", id: "demo-exp-viewer" },
          role: "experimentation:flag-editor",
          scope: { ...checkout, flag },
        },
      },
      flagNone,
    );
    expect(may.data).toMatchObject({ allowed: true });
  });

  it("gives an administrator or a project owner no grant: its flag-admin role is the locked default", async () => {
    for (const email of ["exp-administrator@acme.example", "exp-project-owner@acme.example"]) {
      const actor = await signIn(email);
      const flag = await create(actor, `by-${email.split("@")[0]}`);
      expect(await grantsAt(flag)).toEqual([]);
      const resource = { ...checkout, flag, attrs: { platform: "feature" } };
      const check = await send("GET", "authz.check", { action: MANAGE, resource }, actor);
      expect(check.data).toBe("allow");
    }
  });
});
