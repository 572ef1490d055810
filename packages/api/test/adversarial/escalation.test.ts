// Escalation search (issue 10): random sequences of mutations by every non-super-admin actor of the demo world,
// through the API on PGlite and PostgreSQL, judged by an independent reference model and a rights invariant.
import fc from "fast-check";
import { describe, it } from "vitest";
import { demoApi } from "../support/demo-api.ts";
import { type Acting, Attempt, attemptKinds, demoActors, type Run } from "./support/escalation-commands.ts";
import { makeFixture, places, readBaseline, resetWorld, worldReads } from "./support/escalation-world.ts";

/*
 * GATEHOUSE_ESCALATION_SEED sets the seed (default 20261201, so that CI runs the same search every time; printed
 * on every run, set another to explore further); GATEHOUSE_ESCALATION_RUNS scales the number
 * of attempts (default 1,000 on each of PGlite and PostgreSQL: 2,000 per CI run);
 * GATEHOUSE_ESCALATION_KINDS (a comma list, e.g. "reinvite,accept") narrows the attempts to those kinds.
 */
const seed = Number(process.env.GATEHOUSE_ESCALATION_SEED ?? 20261201);
const scale = Number(process.env.GATEHOUSE_ESCALATION_RUNS ?? 2000) / 2000;

const wanted = process.env.GATEHOUSE_ESCALATION_KINDS?.split(",").map((k) => k.trim());
const kinds = attemptKinds.filter((k) => wanted === undefined || wanted.includes(k));
if (kinds.length === 0)
  throw new Error(`GATEHOUSE_ESCALATION_KINDS names none of ${[...new Set(attemptKinds)]}`);

const attempt = fc
  .record({
    kind: fc.constantFrom(...kinds),
    a: fc.nat(999),
    b: fc.nat(999),
    c: fc.nat(999),
    d: fc.nat(999),
    e: fc.nat(999),
  })
  .map((picks) => new Attempt(picks));

const search = (backend: "pglite" | "postgres", target: number) =>
  describe(`escalation search on ${backend}`, () => {
    const api = demoApi(backend);
    it(`finds no escalation in ${target} attempts`, async () => {
      const reads = worldReads(api);
      const admin = await api.signIn("admin@acme.example");
      const baseline = await readBaseline(api, reads, await makeFixture(api, admin));
      const actors: Acting[] = [];
      for (const email of demoActors) {
        const user = (await reads.users()).find((u) => u.email === email);
        if (user !== undefined) actors.push({ id: user.id, email, call: await api.signIn(email) });
      }
      const demoSubjects = (await reads.users()).map((u) => u.id).filter((id) => id.startsWith("demo-"));
      const totals = { attempts: 0, accepted: 0, refused: 0, stricter: 0, asked: 0, failures: 0 };
      let runs = 0;

      let last: { readonly changes: string; readonly run: Run } | undefined;
      const changes = () => `${totals.accepted} ${totals.failures}`;

      /** The world at the baseline with two super-admin invitations pending, and everyone's rights read. */
      const prepare = async (): Promise<Run> => {
        const restored = await resetWorld(api, reads, admin, baseline);
        for (const [i, actor] of actors.entries())
          if (restored.includes(actor.id)) actors[i] = { ...actor, call: await api.signIn(actor.email) };
        const fixtureEmails = [`sa${runs}@acme.example`, `sb${runs}@acme.example`];
        const invited = await api.send(
          "POST",
          "users.invite",
          {
            org: "acme",
            emails: fixtureEmails,
            language: "en",
            grants: [
              { role: "cms:content-editors", scope: places.cms },
              { role: "admin-center:super-admin", scope: places.acme },
            ],
          },
          admin,
        );
        const fromAdmin = (invited.data as { invited: Array<{ invitationId: string; user: { id: string } }> })
          .invited;
        reads.invalidate();
        const subjects = new Set([...demoSubjects, ...fromAdmin.map((i) => i.user.id)]);
        const rights = await reads.rights([...subjects]);
        return {
          number: runs,
          api,
          reads,
          catalog: await reads.catalog(),
          actors,
          tokens: new Map(),
          invitations: fromAdmin.map((i) => i.invitationId),
          // New emails, the pending invitations' and a signed-in account's (inviting it adds the grants).
          emails: [
            `r${runs}a@acme.example`,
            `r${runs}b@acme.example`,
            ...fixtureEmails,
            "exp-viewer@acme.example",
          ],
          subjects,
          legit: new Map(),
          rights,
          totals,
        };
      };

      /** A run starts from the baseline; after a run that changed nothing, the world is still there. */
      const setup = async () => {
        runs += 1;
        const reuse = last !== undefined && last.changes === changes();
        const base = reuse && last !== undefined ? last.run : await prepare();
        const run: Run = {
          ...base,
          number: runs,
          actors: [...actors],
          tokens: new Map(),
          invitations: [...base.invitations],
          subjects: new Set(base.subjects),
          legit: new Map(),
        };
        last = { changes: changes(), run: base };
        return { model: run, real: undefined };
      };

      const property = fc.asyncProperty(
        fc.commands([attempt], { maxCommands: 60, size: "max" }),
        async (commands) => {
          // The budget ends the search, not the shrinking of a failure found near its end.
          if (totals.attempts >= target && totals.failures === 0) return;
          await fc.asyncModelRun(setup, commands);
        },
      );
      try {
        await fc.assert(property, { seed, numRuns: target, endOnFailure: false });
      } finally {
        console.log(
          `escalation search on ${backend}: seed ${seed}, ${totals.attempts} attempts in ${runs} runs, ` +
            `${totals.accepted} accepted, ${totals.refused} refused (${totals.stricter} of them allowed by the reference model), ` +
            `${totals.asked} of them asked of may first`,
        );
      }
    }, 600_000);
  });

// The two backends search side by side: PostgreSQL's work runs in its own server while PGlite's runs here.
describe.concurrent("escalation search", () => {
  search("pglite", Math.round(1000 * scale));
  search("postgres", Math.round(1000 * scale));
});
