// Races: 50 concurrent writers on one versioned custom role and one grant, 50 concurrent accepts of one invitation
// token and 50 concurrent creations of one grant, on PGlite and PostgreSQL: one wins, the rest get a clear 4xx.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, demoApi } from "../support/demo-api.ts";

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

/** The one 200 among `answers` (its index), after checking the others are all `status` with `code`. */
const oneWinner = (answers: ReadonlyArray<Answer>, status: number, code: string): number => {
  const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
  expect(winners).toHaveLength(1);
  const losers = answers.filter((a) => a.status !== 200);
  expect(losers.map((a) => [a.status, a.error?.data.code])).toEqual(losers.map(() => [status, code]));
  return winners[0] ?? -1;
};

for (const backend of ["pglite", "postgres"] as const) {
  describe(`races on ${backend}`, () => {
    const { send, signIn, rows, runtime } = demoApi(backend);
    const engine = async () => (await runtime.runPromise(Effect.service(EngineSync))).engine;
    const audits = (action: string, target: string) =>
      rows<{ id: string }>(`select id from audit_log where action = '${action}' and target_id = '${target}'`);

    it("50 writers of one custom role version: one wins, the rest CONFLICT, engine and rows agree", async () => {
      const admin = await signIn("admin@acme.example");
      const created = await send(
        "POST",
        "roles.createCustom",
        { ...cms, roleName: "Racers", permissions: ["cms:edit-view.access"] },
        admin,
      );
      expect(created.status).toBe(200);
      const role = created.data as Versioned;
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
      expect(
        (await engine()).allows(subject.id, "mission-control:code.deploy", {
          org: "acme",
          product: "mission-control",
          instance: "production",
        }),
      ).toBe(true);
      expect(
        await rows(`select id from audit_log where action = 'grant.create' and target_id = '${id}'`),
      ).toHaveLength(1);
      expect(
        await rows(
          `select id from audit_log where action = 'grant.create' and after->'subject'->>'id' = '${subject.id}'`,
        ),
      ).toHaveLength(1);
    }, 120_000);

    it("50 accepts of one invitation token: one sets the password, the rest 'already used' (none 429)", async () => {
      const admin = await signIn("admin@acme.example");
      const invited = await send(
        "POST",
        "users.invite",
        {
          org: "acme",
          emails: [`racer-${backend}@acme.example`],
          language: "en",
          grants: [{ role: "cms:content-editors", scope: cms }],
        },
        admin,
      );
      expect(invited.status).toBe(200);
      const [one] = (invited.data as { invited: { invitationId: string; acceptUrl: string }[] }).invited;
      const token = new URL(one?.acceptUrl ?? "", "http://localhost").searchParams.get("token");
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
      expect(await rows(`select status from invitations where id = '${one?.invitationId}'`)).toEqual([
        { status: "accepted" },
      ]);
      expect(await audits("invitation.accept", one?.invitationId ?? "")).toHaveLength(1);
      const login = (secret: string) => send("POST", "auth.login", { email, password: secret }, anonymous);
      expect((await login(password((winner + 1) % writers))).status).toBe(401);
      expect((await login(password(winner))).status).toBe(200);
    }, 120_000);
  });
}
