// Races between a write and the loss of the authority it was asked with, on PGlite and PostgreSQL: two super
// admins taking each other's Super Admin, an admin giving roles or creating API keys while its level is taken, an
// editor launching while its environment becomes production (docs/decisions.md).
import { describe, expect, it } from "vitest";
import { type Answer, type Call, demoApi } from "../support/demo-api.ts";
import { invited } from "../support/invited.ts";

const SUPER_ADMIN = "admin-center:super-admin";
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
/** How many rounds race the same two writes (each round with fresh super admins). */
const rounds = 4;
/** How many grants the instance admin gives while its level is taken. */
const givers = 20;

interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly version: number;
}

/** How many times the administrator marks Development production and back while the editor launches. */
const flips = 15;
const DEV = "acme-checkout-development";

/** Words that would show a driver's or the database's own text in a message a person sees. */
const internals = /PGlite|PgConnection|violates|constraint "|Query failed|select |insert /i;

for (const backend of ["pglite", "postgres"] as const) {
  describe(`authority races on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    /** A new account of acme holding Super Admin (invited by `admin`, accepted); its session and user id. */
    const newSuperAdmin = async (admin: Call, email: string) => {
      const { token, userId } = await invited(send, admin, email, [
        { role: SUPER_ADMIN, scope: { org: "acme" } },
      ]);
      const accepted = await send("POST", "invitations.accept", { token, password: "gatehouse-demo" }, {});
      expect(accepted.status).toBe(200);
      return { call: await signIn(email), id: userId };
    };

    /** The Super Admin grant user `id` holds at acme, as `call` lists it. */
    const superAdminGrant = async (call: Call, id: string) => {
      const listed = await send("GET", "grants.list", { org: "acme", subject: { kind: "user", id } }, call);
      expect(listed.status).toBe(200);
      const grant = (listed.data as GrantView[]).find((g) => g.role === SUPER_ADMIN);
      expect(grant).toBeDefined();
      return grant as GrantView;
    };

    const superAdmins = async (ids: ReadonlyArray<string>) =>
      (
        await rows<{ subject_id: string }>(
          `select subject_id from grants where role = '${SUPER_ADMIN}' and subject_kind = 'user'
           and subject_id in (${ids.map((id) => `'${id}'`).join(", ")}) order by subject_id`,
        )
      ).map((r) => r.subject_id);

    it(`two super admins taking each other's Super Admin at once (${rounds} rounds): one wins, the other is refused, one stays`, async () => {
      const admin = await signIn("admin@acme.example");
      for (let round = 0; round < rounds; round++) {
        const ann = await newSuperAdmin(admin, `race-ann-${round}@acme.example`);
        const bob = await newSuperAdmin(admin, `race-bob-${round}@acme.example`);
        const annGrant = await superAdminGrant(admin, ann.id);
        const bobGrant = await superAdminGrant(admin, bob.id);
        const answers: ReadonlyArray<Answer> = await Promise.all([
          send("POST", "grants.remove", { id: bobGrant.id, version: bobGrant.version }, ann.call),
          send("POST", "grants.remove", { id: annGrant.id, version: annGrant.version }, bob.call),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses, `round ${round}`).toEqual([200, 403]);
        const refused = answers.find((a) => a.status === 403);
        expect(refused?.error?.message).toMatch(/super admin/i);
        expect(refused?.error?.message).not.toMatch(internals);
        // The winner keeps its Super Admin; the loser's removal left no trace.
        const winner = answers[0]?.status === 200 ? ann : bob;
        expect(await superAdmins([ann.id, bob.id])).toEqual([winner.id]);
        const loser = winner === ann ? bob : ann;
        expect(
          await rows(`select id from audit_log where action = 'grant.remove' and actor_id = '${loser.id}'`),
        ).toEqual([]);
      }
    }, 240_000);

    it(`an instance admin giving ${givers} roles while its level is taken: nothing it gives lands after the removal`, async () => {
      const admin = await signIn("admin@acme.example");
      const ian = await signIn("instance-admin@acme.example");
      const level = (
        await send(
          "GET",
          "grants.list",
          { org: "acme", subject: { kind: "user", id: "demo-instance-admin" } },
          admin,
        )
      ).data as GrantView[];
      const held = level.find((g) => g.role === "admin-center:instance-admin");
      expect(held).toBeDefined();
      const subjects = ["administrator", "project-owner", "publisher", "editor", "viewer"].map(
        (r) => `demo-exp-${r}`,
      );
      const roles = ["cms:content-editors", "cms:content-admins", "cms:commerce-admins"];
      const answers = await Promise.all(
        Array.from({ length: givers + 1 }, (_, i) =>
          i === givers / 2
            ? send("POST", "grants.remove", { id: held?.id, version: held?.version }, admin)
            : send(
                "POST",
                "grants.create",
                {
                  subject: { kind: "user", id: subjects[i % subjects.length] },
                  role: roles[i % roles.length],
                  scope: cms,
                },
                ian,
              ),
        ),
      );
      expect(answers[givers / 2]?.status).toBe(200);
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect([403, 409]).toContain(answer.status);
        expect(answer.error?.message).not.toMatch(internals);
      }
      const [removal] = await rows<{ id: string }>(
        `select id::text as id from audit_log where action = 'grant.remove' and target_id = '${held?.id}'`,
      );
      const late = await rows(
        `select id from audit_log where actor_id = 'demo-instance-admin' and id > ${removal?.id}`,
      );
      expect(late).toEqual([]);
      // Every grant it gave before the removal is there, audited once.
      const given = answers.filter((a, i) => i !== givers / 2 && a.status === 200).length;
      expect(
        await rows(
          `select id from audit_log where actor_id = 'demo-instance-admin' and action = 'grant.create'`,
        ),
      ).toHaveLength(given);
    }, 240_000);

    it(`an editor launching in Development while it is marked production and back (${flips} times): no launch lands while it is production`, async () => {
      const administrator = await signIn("exp-administrator@acme.example");
      const editor = await signIn("exp-editor@acme.example");
      const version = async () =>
        Number(
          (await rows<{ version: number }>(`select version from environments where id = '${DEV}'`))[0]
            ?.version,
        );
      const mark = async (production: boolean) => {
        const answer = await send(
          "POST",
          "environments.update",
          { id: DEV, version: await version(), production },
          administrator,
        );
        expect(answer.status).toBe(200);
      };
      let launched = 0;
      for (let flip = 0; flip < flips; flip++) {
        const launches = Array.from({ length: 4 }, (_, i) =>
          send(
            "POST",
            "flags.toggle",
            { id: "acme-new-cart", environment: DEV, enabled: (flip + i) % 2 === 0 },
            editor,
          ),
        );
        const [answers] = await Promise.all([Promise.all(launches), mark(true).then(() => mark(false))]);
        for (const answer of answers) {
          expect([200, 403, 409]).toContain(answer.status);
          expect(answer.error?.message ?? "").not.toMatch(internals);
        }
        launched += answers.filter((a) => a.status === 200).length;
      }
      // Audit ids follow commit order under the organization's write lock: replay Development's production flag.
      const log = await rows<{ action: string; actor_id: string | null; production: boolean | null }>(
        `select action, actor_id, (after->>'production')::boolean as production from audit_log
         where (action = 'environment.update' and target_id = '${DEV}')
            or (action = 'flag.toggle' and actor_id = 'demo-exp-editor') order by id`,
      );
      let production = false;
      const whileProduction: string[] = [];
      for (const row of log) {
        if (row.action === "environment.update") production = row.production === true;
        else if (production) whileProduction.push(row.action);
      }
      expect(whileProduction).toEqual([]);
      expect(log.filter((r) => r.action === "flag.toggle")).toHaveLength(launched);
      // Development is not production again: the editor launches there.
      const after = await send(
        "POST",
        "flags.toggle",
        { id: "acme-new-cart", environment: DEV, enabled: true },
        editor,
      );
      expect(after.status).toBe(200);
    }, 240_000);

    it(`a super admin creating API keys while its Super Admin is taken and given back (${flips} times): none is created while it is not one`, async () => {
      const admin = await signIn("admin@acme.example");
      const kim = await newSuperAdmin(admin, "race-keys@acme.example");
      const scope = { org: "acme" };
      let stop = false;
      const creating = (async () => {
        const answers: Answer[] = [];
        for (let i = 0; i < 400 && !stop; i += 4)
          answers.push(
            ...(await Promise.all(
              [0, 1, 2, 3].map((j) =>
                send("POST", "apiKeys.create", { name: `race key ${i + j}` }, kim.call),
              ),
            )),
          );
        return answers;
      })();
      for (let flip = 0; flip < flips; flip++) {
        const held = await superAdminGrant(admin, kim.id);
        expect(
          (await send("POST", "grants.remove", { id: held.id, version: held.version }, admin)).status,
        ).toBe(200);
        const given = await send(
          "POST",
          "grants.create",
          { subject: { kind: "user", id: kim.id }, role: SUPER_ADMIN, scope },
          admin,
        );
        expect(given.status).toBe(200);
      }
      stop = true;
      const answers = await creating;
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect(answer.status).toBe(403);
        expect(answer.error?.message).not.toMatch(internals);
      }
      // Audit ids follow commit order under the organization's write lock: replay kim's Super Admin.
      const log = await rows<{ action: string }>(
        `select action from audit_log
         where (action in ('grant.remove', 'grant.create')
                and coalesce(after, before)->'subject'->>'id' = '${kim.id}'
                and coalesce(after, before)->>'role' = '${SUPER_ADMIN}')
            or (action = 'api-key.create' and actor_id = '${kim.id}')
         order by id`,
      );
      let superAdmin = true;
      const whileNot: string[] = [];
      for (const row of log) {
        if (row.action === "grant.remove") superAdmin = false;
        else if (row.action === "grant.create") superAdmin = true;
        else if (!superAdmin) whileNot.push(row.action);
      }
      expect(whileNot).toEqual([]);
      const created = answers.filter((a) => a.status === 200).length;
      expect(await rows(`select id from api_keys where created_by = '${kim.id}'`)).toHaveLength(created);
    }, 240_000);
  });
}
