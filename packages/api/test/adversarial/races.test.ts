// Races on PGlite and PostgreSQL: 50 concurrent writers of one custom role or grant version, creations of one
// grant, accepts of one token, and mixed races; one wins, the rest a clear 4xx, and engine, rows and audit agree.
import type { Resource } from "@gatehouse/domain";
import { EngineSync, loadEngine } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, demoApi } from "../support/demo-api.ts";
import { invited } from "../support/invited.ts";

/** How many requests race for the same object. */
const writers = 50;
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const editor = { kind: "user", id: "demo-customerdev" } as const;

interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** Runs `writers` requests at once; the answers in request order. */
const race = (request: (i: number) => Promise<Answer>) =>
  Promise.all(Array.from({ length: writers }, (_, i) => request(i)));

/** Words that would show a driver's or the database's own text in a message a person sees. */
const internals = /PGlite|PgConnection|violates|constraint "|Query failed|select |insert /i;

/** The one 200 among `answers` (its index), after checking the others are all `status` with `code`. */
const oneWinner = (answers: ReadonlyArray<Answer>, status: number, code: string): number => {
  const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
  expect(winners).toHaveLength(1);
  const losers = answers.filter((a) => a.status !== 200);
  expect(losers.map((a) => [a.status, a.error?.data.code])).toEqual(losers.map(() => [status, code]));
  for (const loser of losers) expect(loser.error?.message).not.toMatch(internals);
  return winners[0] ?? -1;
};

for (const backend of ["pglite", "postgres"] as const) {
  describe(`races on ${backend}`, () => {
    const { send, signIn, rows, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    /** The live engine (changed by each write) answers `subjects` × `actions` at `resource` as one loaded afresh. */
    const agreesWithDatabase = async (
      subjects: ReadonlyArray<string>,
      actions: ReadonlyArray<string>,
      resource: Resource,
    ) => {
      const live = await engine();
      const fresh = await runtime.runPromise(loadEngine());
      const answers = (e: typeof live) =>
        subjects.flatMap((s) => actions.map((a) => `${s} ${a} ${e.allows(s, a, resource)}`));
      expect(answers(live)).toEqual(answers(fresh));
    };
    /** Invites `email` as a CMS content editor; the invitation's id and its token. */
    const invite = (admin: Call, email: string) =>
      invited(send, admin, email, [{ role: "cms:content-editors", scope: cms }]);
    /** A new CMS custom role at acme-cms with one permission. */
    const customRole = async (admin: Call, roleName: string, permission: string) => {
      const created = await send(
        "POST",
        "roles.createCustom",
        { ...cms, roleName, permissions: [permission] },
        admin,
      );
      expect(created.status).toBe(200);
      return created.data as Versioned;
    };
    const audits = (action: string, target: string) =>
      rows<{ id: string }>(`select id from audit_log where action = '${action}' and target_id = '${target}'`);

    it("50 writers of one custom role version: one wins, the rest CONFLICT, engine and rows agree", async () => {
      const admin = await signIn("admin@acme.example");
      const role = await customRole(admin, "Racers", "cms:edit-view.access");
      expect(
        (await send("POST", "grants.create", { subject: editor, role: role.id, scope: cms }, admin)).status,
      ).toBe(200);
      // Writer i gives the role one permission of its own (besides edit-view access), so the winner is visible.
      const extras = ["cms:content.edit", "cms:content.publish", "cms:addon.manage", "cms:audience.manage"];
      const answers = await race((i) =>
        send(
          "POST",
          "roles.updateCustom",
          {
            id: role.id,
            version: role.version,
            name: `Racer ${i}`,
            permissions: ["cms:edit-view.access", extras[i % extras.length]],
          },
          admin,
        ),
      );
      const winner = oneWinner(answers, 409, "CONFLICT");
      const won = extras[winner % extras.length] ?? "";

      const [stored] = await rows<{ name: string; version: number }>(
        `select name, version from roles where id = '${role.id}'`,
      );
      expect(stored).toEqual({ name: `Racer ${winner}`, version: role.version + 1 });
      const permissions = await rows<{ permission: string }>(
        `select action as permission from role_permissions where role = '${role.id}' order by action`,
      );
      expect(permissions.map((p) => p.permission)).toEqual(["cms:edit-view.access", won].sort());
      const now = await engine();
      for (const extra of extras) expect(now.allows(editor.id, extra, cms)).toBe(extra === won);
      await agreesWithDatabase([editor.id], extras, cms);
      expect(await audits("role.update", role.id)).toHaveLength(1);
    }, 120_000);

    it("50 writers of one grant version: one wins, the rest CONFLICT, engine and rows agree", async () => {
      const admin = await signIn("admin@acme.example");
      const subject = { kind: "user", id: "demo-customeruser" } as const;
      const created = await send(
        "POST",
        "grants.create",
        { subject, role: "cms:content-editors", scope: cms },
        admin,
      );
      expect(created.status).toBe(200);
      const grant = created.data as Versioned;
      const roles = ["cms:content-admins", "cms:commerce-admins"];
      const answers = await race((i) =>
        send(
          "POST",
          "grants.update",
          {
            id: grant.id,
            version: grant.version,
            role: roles[i % roles.length],
            expiresAt: new Date(Date.UTC(2100, 0, 1 + i)).toISOString(),
          },
          admin,
        ),
      );
      const winner = oneWinner(answers, 409, "CONFLICT");
      const role = roles[winner % roles.length] ?? "";

      const [stored] = await rows<{ role: string; version: number; expires_at: Date | string }>(
        `select role, version, expires_at from grants where id = '${grant.id}'`,
      );
      expect(stored?.role).toBe(role);
      expect(stored?.version).toBe(grant.version + 1);
      expect(new Date(stored?.expires_at ?? 0).toISOString()).toBe(
        new Date(Date.UTC(2100, 0, 1 + winner)).toISOString(),
      );
      const listed = await send("GET", "grants.list", { org: "acme", subject }, admin);
      expect(listed.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: grant.id, role, version: grant.version + 1 })]),
      );
      // Commerce admins publish, content admins do not.
      expect((await engine()).allows(subject.id, "cms:content.publish", cms)).toBe(
        role === "cms:commerce-admins",
      );
      await agreesWithDatabase([subject.id], ["cms:content.publish", "cms:settings.manage"], cms);
      expect(await audits("grant.update", grant.id)).toHaveLength(1);
    }, 120_000);

    it("50 creations of one identical grant: one grant, the rest CONFLICT, one audit row", async () => {
      const admin = await signIn("admin@acme.example");
      const subject = { kind: "user", id: "demo-partneruser" } as const;
      const grant = {
        subject,
        role: "mission-control:partnerDev",
        scope: { org: "acme", product: "mission-control" },
      };
      const answers = await race(() => send("POST", "grants.create", grant, admin));
      const winner = oneWinner(answers, 409, "CONFLICT");
      const id = (answers[winner]?.data as Versioned | undefined)?.id;

      const stored = await rows<{ id: string }>(
        `select id from grants where subject_id = '${subject.id}' and role = '${grant.role}'`,
      );
      expect(stored).toEqual([{ id }]);
      const listed = await send("GET", "grants.list", { org: "acme", subject }, admin);
      expect((listed.data as Versioned[]).filter((g) => g.id === id)).toHaveLength(1);
      const production = { org: "acme", product: "mission-control", instance: "production" };
      expect((await engine()).allows(subject.id, "mission-control:code.deploy", production)).toBe(true);
      await agreesWithDatabase(
        [subject.id],
        ["mission-control:code.deploy", "mission-control:site.restart"],
        production,
      );
      expect(
        await rows(`select id from audit_log where action = 'grant.create' and target_id = '${id}'`),
      ).toHaveLength(1);
      expect(
        await rows(
          `select id from audit_log where action = 'grant.create' and after->'subject'->>'id' = '${subject.id}'`,
        ),
      ).toHaveLength(1);
    }, 120_000);

    it("50 deployments and syncs at once on one instance: one opens, the rest CONFLICT; restarts and other instances go on", async () => {
      const dev = await signIn("customerdev@acme.example");
      // Scheduled a day ahead: each stays open (submitted) while the others arrive.
      const later = new Date(Date.now() + 86_400_000).toISOString();
      const actions = ["code.deploy", "extension.deploy", "database.sync", "userfiles.sync"];
      const run = (instance: string, action: string) =>
        send(
          "POST",
          "operations.run",
          { instance, action, confirmName: "sandbox", scheduledFor: later },
          dev,
        );
      const answers = await race((i) => run("acme-mc-sandbox", actions[i % actions.length] ?? "code.deploy"));
      const winner = answers[oneWinner(answers, 409, "CONFLICT")]?.data as { operation: { id: string } };
      expect(answers.find((a) => a.status === 409)?.error?.message).toMatch(
        /^Another deployment or sync is waiting or running on sandbox: one runs at a time per environment/,
      );
      const open = await rows<{ id: string }>(
        `select id from operations where instance = 'acme-mc-sandbox' and status in ('submitted', 'in-progress')
           and (action like '%.deploy' or action like '%.sync')`,
      );
      expect(open.map((o) => o.id)).toEqual([winner.operation.id]);
      // A restart is no deployment; another environment has its own deployments.
      const restart = await run("acme-mc-sandbox", "site.restart");
      const elsewhere = await run("acme-mc-production", "code.deploy");
      expect([restart.status, elsewhere.status]).toEqual([200, 200]);
      // Once the open one is cancelled, the next opens.
      const cancel = (id: string) => send("POST", "operations.cancel", { id }, dev);
      expect((await cancel(winner.operation.id)).status).toBe(200);
      const next = await run("acme-mc-sandbox", "code.deploy");
      expect(next.status).toBe(200);
      for (const answer of [restart, elsewhere, next])
        expect((await cancel((answer.data as { operation: { id: string } }).operation.id)).status).toBe(200);
    });

    it("50 accepts of one invitation token: one sets the password, the rest 'already used' (none 429)", async () => {
      const admin = await signIn("admin@acme.example");
      const { id, token } = await invite(admin, `racer-${backend}@acme.example`);
      const anonymous: Call = {};
      const password = (i: number) => `racing-password-${i}`;
      const answers = await race((i) =>
        send("POST", "invitations.accept", { token, password: password(i) }, anonymous),
      );
      const winner = oneWinner(answers, 400, "BAD_REQUEST");
      for (const loser of answers.filter((a) => a.status !== 200))
        expect(loser.error?.message).toBe("invitation already used");

      const email = `racer-${backend}@acme.example`;
      expect(await rows(`select status from users where email = '${email}'`)).toEqual([{ status: "active" }]);
      expect(await rows(`select status from invitations where id = '${id}'`)).toEqual([
        { status: "accepted" },
      ]);
      expect(await audits("invitation.accept", id)).toHaveLength(1);
      const login = (secret: string) => send("POST", "auth.login", { email, password: secret }, anonymous);
      expect((await login(password((winner + 1) % writers))).status).toBe(401);
      expect((await login(password(winner))).status).toBe(200);
    }, 120_000);

    it("deleting a custom role while 25 requests grant it: no grant of the deleted role survives anywhere", async () => {
      const admin = await signIn("admin@acme.example");
      const role = await customRole(admin, "Doomed", "cms:settings.manage");
      // Experimentation users hold no CMS right: any they hold afterwards would come from this role.
      const subjects = ["administrator", "project-owner", "publisher", "editor", "viewer"].map(
        (r) => `demo-exp-${r}`,
      );
      const answers = await race((i) =>
        i % 2 === 0
          ? send("POST", "roles.deleteCustom", { id: role.id, version: role.version }, admin)
          : send(
              "POST",
              "grants.create",
              { subject: { kind: "user", id: subjects[i % subjects.length] }, role: role.id, scope: cms },
              admin,
            ),
      );
      const deletes = answers.filter((_, i) => i % 2 === 0);
      expect(deletes.filter((a) => a.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect([400, 404, 409]).toContain(answer.status);
        expect(answer.error?.message).not.toMatch(internals);
      }
      expect(await rows(`select id from roles where id = '${role.id}'`)).toEqual([]);
      expect(await rows(`select id from grants where role = '${role.id}'`)).toEqual([]);
      const now = await engine();
      for (const subject of subjects) expect(now.allows(subject, "cms:settings.manage", cms)).toBe(false);
      await agreesWithDatabase(subjects, ["cms:settings.manage", "cms:edit-view.access"], cms);
      const granted = answers.filter((a, i) => i % 2 === 1 && a.status === 200).length;
      expect(
        await rows(
          `select id from audit_log where action = 'grant.create' and after->>'role' = '${role.id}'`,
        ),
      ).toHaveLength(granted);
      expect(await audits("role.delete", role.id)).toHaveLength(1);
    }, 120_000);

    it("25 accepts and 25 revokes of one invitation: one wins, the others say why, user and invitation agree", async () => {
      const admin = await signIn("admin@acme.example");
      const email = `torn-${backend}@acme.example`;
      const { id, token } = await invite(admin, email);
      const answers = await race((i) =>
        i % 2 === 0
          ? send("POST", "invitations.accept", { token, password: `torn-password-${i}` }, {})
          : send("POST", "invitations.revoke", { id }, admin),
      );
      const winner = answers.findIndex((a) => a.status === 200);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const accepted = winner % 2 === 0;
      for (const [i, answer] of answers.entries()) {
        if (i === winner) continue;
        expect([400, 409]).toContain(answer.status);
        expect(answer.error?.message).not.toMatch(internals);
        // A losing accept says what happened to the invitation.
        if (i % 2 === 0)
          expect(answer.error?.message).toBe(accepted ? "invitation already used" : "invitation revoked");
      }
      const [invitation] = await rows<{ status: string }>(
        `select status from invitations where id = '${id}'`,
      );
      const [user] = await rows<{ status: string }>(`select status from users where email = '${email}'`);
      expect([invitation?.status, user?.status]).toEqual(
        accepted ? ["accepted", "active"] : ["revoked", "invited"],
      );
      expect(await audits(accepted ? "invitation.accept" : "invitation.revoke", id)).toHaveLength(1);
      expect(await audits(accepted ? "invitation.revoke" : "invitation.accept", id)).toHaveLength(0);
    }, 120_000);
  });
}
