// One direction of the isolation sweep: every actor of one organization calls every procedure with the cases of
// cases.ts against another organization (a meta-procedure with its subjects' cases, meta.ts); the findings, the
// figures, and the request ids of the calls that must not have been audited.
import { confirmation } from "./by-design.ts";
import { type Case, casesOf } from "./cases.ts";
import { type App, type Credentials, call, type Reply } from "./http.ts";
import type { Inventory } from "./inventory.ts";
import { askedAbout, metaCasesOf, metaProcedures } from "./meta.ts";
import type { Procedure } from "./procedures.ts";
import { readStream, streamProblems, streamRoutes } from "./streams.ts";
import { type Finding, judge } from "./verdicts.ts";

export interface Actor {
  readonly name: string;
  readonly credentials: Credentials;
  /**
   * The products whose places the actor is swept at, besides the organization (undefined: every product). An actor
   * is refused alike at every place where it holds nothing, so it is tried where its roles lie.
   */
  readonly products?: ReadonlySet<string>;
}

export interface Direction {
  readonly name: string;
  readonly actors: ReadonlyArray<Actor>;
  readonly own: Inventory;
  readonly victim: Inventory;
  /** The victim's values no reply may show (verdicts.ts, distinguishing). */
  readonly secrets: ReadonlyArray<string>;
  /**
   * Procedures whose answer may depend on the victim's objects existing: a partner asking a customer for access
   * names the customer (and may withdraw its own request); a meta-procedure asked about one of them too. Their
   * replies are still searched for leaks.
   */
  readonly existenceMayShow?: ReadonlySet<string>;
  /** A fingerprint of both organizations' rows (digest.ts): a meta-procedure's calls must leave it as it was. */
  readonly fingerprint: () => Promise<string>;
  /**
   * The victim's values the actors legitimately know exist (a partner knows the customer where it holds grants):
   * kept as they are in the made-up twin, so only what the actors may not know is made up and compared.
   */
  readonly known?: ReadonlySet<string>;
  /**
   * By procedure, what the actors legitimately know instead of `known` (a partner asking a customer for access
   * names the customer and its Mission Control instances): only the rest is made up and compared.
   */
  readonly knownFor?: Readonly<Record<string, ReadonlySet<string>>>;
}

export interface SweepResult {
  readonly findings: ReadonlyArray<Finding>;
  readonly calls: number;
  /** Request ids of the calls refused (any 4xx) and of every meta-procedure call: none may have written an audit row. */
  readonly unaudited: ReadonlyArray<string>;
  /** The procedures called at least once, and each meta-procedure's subjects asked about (meta.ts, coverage). */
  readonly swept: ReadonlySet<string>;
  /**
   * The actors whose credentials were not live before their sweep or before their session-ending procedures (each
   * with when): their answers would be 401s that prove nothing, so the sweep requires this empty.
   */
  readonly signedOut: ReadonlyArray<string>;
}

/** Signing out ends a session: the sweep calls it last for each actor, after checking the session is still live. */
const ending = new Set(["auth.logout"]);

/** Whether `actor`'s credentials are live: `auth.me` answers 200 for a signed-in user or an API key. */
export const live = async (app: App, actor: Actor): Promise<boolean> =>
  (await call(app, "query", "auth.me", undefined, actor.credentials)).status === 200;

/** Sweeps `procedures` in one direction. */
export const sweep = async (
  app: App,
  procedures: ReadonlyArray<Procedure>,
  direction: Direction,
  madeUp: (value: string) => string,
): Promise<SweepResult> => {
  const findings: Finding[] = [];
  const unaudited: string[] = [];
  let calls = 0;
  const send = async (procedure: Procedure, input: unknown, actor: Actor): Promise<Reply> => {
    calls++;
    const reply = await call(app, procedure.type, procedure.path, input, actor.credentials);
    if (reply.status >= 400 || metaProcedures.has(procedure.path)) unaudited.push(reply.requestId);
    return reply;
  };
  const ordered = [
    ...procedures.filter((p) => !ending.has(p.path)),
    ...procedures.filter((p) => ending.has(p.path)),
  ];
  const cases = new Map<string, ReadonlyArray<Case>>();
  for (const p of ordered)
    if (!metaProcedures.has(p.path))
      cases.set(
        p.path,
        casesOf(p, direction.own, direction.victim, madeUp, direction.knownFor?.[p.path] ?? direction.known),
      );
  for (const [path, meta] of metaProcedures)
    cases.set(
      path,
      metaCasesOf(meta, ordered, (p) => cases.get(p.path) ?? []),
    );
  for (const [path, built] of cases)
    if (built.length === 0) throw new Error(`${path}: the sweep built no input for ${direction.name}`);
  const swept = new Set<string>();
  const signedOut: string[] = [];
  for (const actor of direction.actors) {
    if (!(await live(app, actor))) signedOut.push(`${actor.name} before its sweep`);
    // The /v1 streams take no input: whatever the actor is answered must be its own organization's alone.
    for (const route of streamRoutes) {
      calls++;
      const reply = await readStream(app, route, actor.credentials);
      for (const detail of streamProblems(route, reply, direction.own.org, direction.secrets))
        findings.push({
          kind: reply.status >= 500 ? "5xx" : "leak",
          procedure: route,
          actor: actor.name,
          variant: "",
          input: null,
          detail,
        });
    }
    for (const procedure of ordered) {
      if (ending.has(procedure.path) && !(await live(app, actor)))
        signedOut.push(`${actor.name} before ${procedure.path}`);
      const meta = metaProcedures.has(procedure.path);
      const before = meta ? await direction.fingerprint() : undefined;
      for (const c of cases.get(procedure.path) ?? []) {
        if (c.product !== undefined && actor.products !== undefined && !actor.products.has(c.product))
          continue;
        swept.add(procedure.path);
        if (c.about !== undefined) swept.add(askedAbout(procedure.path, c.about));
        const foreign = await send(procedure, c.foreign, actor);
        const twin = c.madeUp === undefined ? undefined : await send(procedure, c.madeUp, actor);
        // An answer told by design to an entitled caller (by-design.ts) is compared only if the caller is not.
        const confirming = confirmation(procedure.path, foreign, c.foreign);
        const entitled = confirming?.allowed(await send(procedure, confirming.input, actor)) === true;
        const compare = direction.existenceMayShow?.has(c.about ?? procedure.path) !== true && !entitled;
        const probe = {
          procedure: procedure.path,
          type: procedure.type,
          actor: actor.name,
          case: c,
          compare,
        };
        findings.push(...judge(probe, foreign, twin, direction.secrets));
      }
      if (before !== undefined && (await direction.fingerprint()) !== before)
        findings.push({
          kind: "changed",
          procedure: procedure.path,
          actor: actor.name,
          variant: "",
          input: null,
          detail: "a meta-procedure's calls changed the organizations' rows",
        });
    }
  }
  return { findings, calls, unaudited, swept, signedOut };
};
