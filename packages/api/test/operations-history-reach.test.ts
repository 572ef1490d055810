// The history of operations shows a reader only the environments it may view, on PGlite and PostgreSQL: its pages,
// their sizes and their `next` cursors count no other operation, a hidden operation's id pages like a made-up one,
// and its refusals and requesters are said in words (the customer's users, to a partner, as the customer's).
import { describe, expect, it } from "vitest";
import { SimulatedExecutor, setOperationExecutor } from "../src/mission-control/executor.ts";
import { type Call, demoApi } from "./support/demo-api.ts";

setOperationExecutor(new SimulatedExecutor({ timeScale: 0.001, failureRate: 0 }));

interface Page {
  readonly items: ReadonlyArray<{
    readonly id: string;
    readonly instance: string;
    readonly requester: { readonly name: string | null; readonly of?: string };
  }>;
  readonly next: string | null;
}
interface GrantView {
  readonly id: string;
  readonly version: number;
}

const SANDBOX = "acme-mc-sandbox";
const PRODUCTION = "acme-mc-production";
/** Far enough ahead that nothing runs while the test reads. */
const later = () => new Date(Date.now() + 3_600_000).toISOString();

for (const backend of ["pglite", "postgres"] as const) {
  describe(`operations.history within the reader's environments, on ${backend}`, () => {
    const { send, signIn, rows } = demoApi(backend);

    const history = async (call: Call, input: object) => {
      const answer = await send("GET", "operations.history", { org: "acme", ...input }, call);
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      return answer.data as Page;
    };

    /** agency's partnerUser, holding partnerUser on the sandbox only. */
    const sandboxPartner = async (admin: Call) => {
      const held = await send(
        "GET",
        "grants.list",
        { org: "acme", subject: { kind: "user", id: "demo-partneruser" } },
        admin,
      );
      for (const grant of held.data as ReadonlyArray<GrantView>)
        await send("POST", "grants.remove", { id: grant.id, version: grant.version }, admin);
      const given = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-partneruser" },
          role: "mission-control:partnerUser",
          scope: { org: "acme", product: "mission-control", instance: SANDBOX },
        },
        admin,
      );
      expect(given.status).toBe(200);
      return signIn("partneruser@agency.example");
    };

    it("pages and cursors count only the operations of environments the reader may view", async () => {
      const admin = await signIn("admin@acme.example");
      const customer = await signIn("customeradmin@acme.example");
      const partner = await sandboxPartner(admin);
      for (let i = 0; i < 3; i++)
        expect(
          (
            await send(
              "POST",
              "operations.run",
              { instance: PRODUCTION, action: "site.restart", scheduledFor: later() },
              customer,
            )
          ).status,
        ).toBe(200);
      for (const call of [partner, customer])
        expect(
          (
            await send(
              "POST",
              "operations.run",
              { instance: SANDBOX, action: "site.restart", scheduledFor: later() },
              call,
            )
          ).status,
        ).toBe(200);

      const visible = (
        await rows<{ id: string }>(
          `select id from operations where org = 'acme' and instance = '${SANDBOX}' order by created_at desc, id desc`,
        )
      ).map((r) => r.id);
      const hidden = (
        await rows<{ id: string }>(
          `select id from operations where org = 'acme' and instance = '${PRODUCTION}'`,
        )
      ).map((r) => r.id);
      expect(visible.length).toBeGreaterThanOrEqual(2);
      expect(hidden.length).toBeGreaterThanOrEqual(3);

      // Every page size: full pages of visible operations, and a cursor only while another visible one follows.
      for (let limit = 1; limit <= visible.length + 1; limit++) {
        const first = await history(partner, { limit });
        expect(first.items.map((op) => op.id)).toEqual(visible.slice(0, limit));
        expect(first.next).toBe(limit < visible.length ? visible[limit - 1] : null);
      }
      // Paging one by one walks the visible operations, and nothing else.
      const walked: Array<string> = [];
      let cursor: string | null = null;
      do {
        const page: Page = await history(partner, { limit: 1, ...(cursor === null ? {} : { cursor }) });
        expect(page.items).toHaveLength(1);
        walked.push(...page.items.map((op) => op.id));
        cursor = page.next;
      } while (cursor !== null);
      expect(walked).toEqual(visible);

      // A hidden operation's id as the cursor pages as a made-up one does: nowhere.
      const madeUp = await history(partner, { limit: 5, cursor: "op_madeup" });
      expect(madeUp).toEqual({ items: [], next: null });
      for (const id of hidden) expect(await history(partner, { limit: 5, cursor: id })).toEqual(madeUp);

      // The customer's own users read, to the partner, as the customer's.
      const theirs = (await history(partner, { limit: 10 })).items.find((op) => op.requester.name === null);
      expect(theirs?.requester).toMatchObject({ name: null, of: "Acme" });
    });

    it("refuses a reader with no Mission Control role in words, naming no environment by id", async () => {
      const admin = await signIn("admin@acme.example");
      const whole = await send("GET", "operations.history", { org: "acme", limit: 5 }, admin);
      expect(whole.status).toBe(403);
      expect(whole.error?.message).toBe(
        "You hold no Mission Control role on any environment of Acme: its operations are shown to those who may view an environment",
      );
      const partner = await sandboxPartner(admin);
      const production = await send(
        "GET",
        "operations.history",
        { org: "acme", instance: PRODUCTION, limit: 5 },
        partner,
      );
      const madeUp = await send(
        "GET",
        "operations.history",
        { org: "acme", instance: "ins-madeup", limit: 5 },
        partner,
      );
      expect(production.status).toBe(403);
      expect(production.error?.message).toBe(madeUp.error?.message);
      expect(production.error?.message).not.toContain(PRODUCTION);
    });
  });
}
