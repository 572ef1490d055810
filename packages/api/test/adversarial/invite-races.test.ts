// Invitation races on PGlite and PostgreSQL: concurrent invitations of one new email, and concurrent first super
// admins of one new organization; exactly one wins, the others a CONFLICT saying what happened in words.
import { describe, expect, it } from "vitest";
import type { Answer } from "../support/demo-api.ts";
import { demoApi } from "../support/demo-api.ts";

const cms = { org: "acme", product: "cms", instance: "acme-cms" };

/** Runs `count` requests at once; the answers in request order. */
const race = (count: number, request: (i: number) => Promise<Answer>) =>
  Promise.all(Array.from({ length: count }, (_, i) => request(i)));

/** What only the database knows: a constraint or index name, or the driver's own words. */
const internals = /_key\b|_pending\b|_fkey\b|constraint|violates|PGlite|PgConnection|select |insert /i;

/** The one 200 among `answers`, the others CONFLICT with a message naming `subject` and no internals. */
const oneWinner = (answers: ReadonlyArray<Answer>, subject: string) => {
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  const losers = answers.filter((a) => a.status !== 200);
  expect(losers.map((a) => [a.status, a.error?.data.code])).toEqual(losers.map(() => [409, "CONFLICT"]));
  for (const loser of losers) {
    expect(loser.error?.message).toContain(subject);
    expect(loser.error?.message).not.toMatch(internals);
  }
};

for (const backend of ["pglite", "postgres"] as const) {
  describe(`invitation races on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    it("50 invitations of one new email: one account, one invitation, the rest 'invited meanwhile'", async () => {
      const admin = await signIn("admin@acme.example");
      const email = "raced.invitee@acme.example";
      const editor = { role: "cms:content-editors", scope: cms };
      const invitation = { org: "acme", emails: [email], language: "en", grants: [editor] };
      const answers = await race(50, () => send("POST", "users.invite", invitation, admin));
      oneWinner(answers, email);
      expect(await rows(`select id from users where email = '${email}'`)).toHaveLength(1);
      expect(await rows(`select id from invitations where email = '${email}'`)).toHaveLength(1);
      expect(
        await rows(
          `select a.id from audit_log a where a.action = 'user.invite' and a.after::text like '%${email}%'`,
        ),
      ).toHaveLength(1);
    });

    it("20 invitations of one signed-in account: the role added once, the rest 'already had' or CONFLICT", async () => {
      const admin = await signIn("admin@acme.example");
      const email = "exp-viewer@acme.example";
      const invitation = {
        org: "acme",
        emails: [email],
        language: "en",
        grants: [{ role: "cms:content-editors", scope: cms }],
      };
      const answers = await race(20, () => send("POST", "users.invite", invitation, admin));
      const added = answers.flatMap((a) =>
        a.status === 200
          ? (a.data as { added: Array<{ grants: unknown[] }> }).added.map((x) => x.grants.length)
          : [],
      );
      expect(added.filter((n) => n === 1)).toHaveLength(1);
      for (const loser of answers.filter((a) => a.status !== 200)) {
        expect([loser.status, loser.error?.data.code]).toEqual([409, "CONFLICT"]);
        expect(loser.error?.message).toContain(email);
        expect(loser.error?.message).not.toMatch(internals);
      }
      expect(
        await rows(
          "select id from grants where subject_user = 'demo-exp-viewer' and role = 'cms:content-editors'",
        ),
      ).toHaveLength(1);
      expect(await rows(`select id from invitations where email = '${email}'`)).toHaveLength(0);
    });

    it("20 first super admins of one new organization: exactly one invitation, the rest CONFLICT", async () => {
      const operator = await signIn("operator@gatehouse.example");
      const org = { id: "initech", name: "Initech", kind: "customer", products: ["cms"] };
      expect((await send("POST", "organizations.create", org, operator)).status).toBe(200);
      const answers = await race(20, (i) =>
        send(
          "POST",
          "organizations.inviteFirstAdmin",
          { org: "initech", email: `boss${i}@initech.example`, name: `Boss ${i}` },
          operator,
        ),
      );
      oneWinner(answers, "initech");
      expect(await rows("select id from users where org = 'initech'")).toHaveLength(1);
      expect(await rows("select id from invitations where org = 'initech'")).toHaveLength(1);
      expect(
        await rows("select id from grants where org = 'initech' and role = 'admin-center:super-admin'"),
      ).toHaveLength(1);
    });
  });
}
