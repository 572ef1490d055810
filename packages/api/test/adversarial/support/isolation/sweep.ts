// One direction of the isolation sweep: every actor of one organization calls every procedure with the cases of
// cases.ts against another organization; the findings, the figures, and the request ids of refused calls.
import { confirmingInput } from "./by-design.ts";
import { casesOf } from "./cases.ts";
import { type App, type Credentials, call, type Reply } from "./http.ts";
import type { Inventory } from "./inventory.ts";
import type { Procedure } from "./procedures.ts";
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
   * names the customer (and may withdraw its own request). Their replies are still searched for leaks.
   */
  readonly existenceMayShow?: ReadonlySet<string>;
}

export interface SweepResult {
  readonly findings: ReadonlyArray<Finding>;
  readonly calls: number;
  /** Request ids of the calls refused (any 4xx): none may have written an audit row. */
  readonly refused: ReadonlyArray<string>;
  /** The procedures called at least once. */
  readonly swept: ReadonlySet<string>;
}

/** Signing out ends a session: the sweep calls it last for each actor. */
const lastly = (procedures: ReadonlyArray<Procedure>) => [
  ...procedures.filter((p) => p.path !== "auth.logout"),
  ...procedures.filter((p) => p.path === "auth.logout"),
];

/** Sweeps `procedures` in one direction. */
export const sweep = async (
  app: App,
  procedures: ReadonlyArray<Procedure>,
  direction: Direction,
  madeUp: (value: string) => string,
): Promise<SweepResult> => {
  const findings: Finding[] = [];
  const refused: string[] = [];
  let calls = 0;
  const send = async (procedure: Procedure, input: unknown, actor: Actor): Promise<Reply> => {
    calls++;
    const reply = await call(app, procedure.type, procedure.path, input, actor.credentials);
    if (reply.status >= 400) refused.push(reply.requestId);
    return reply;
  };
  const ordered = lastly(procedures);
  const cases = new Map(ordered.map((p) => [p.path, casesOf(p, direction.own, direction.victim, madeUp)]));
  for (const [path, built] of cases)
    if (built.length === 0) throw new Error(`${path}: the sweep built no input for ${direction.name}`);
  const swept = new Set<string>();
  for (const actor of direction.actors)
    for (const procedure of ordered)
      for (const c of cases.get(procedure.path) ?? []) {
        if (c.product !== undefined && actor.products !== undefined && !actor.products.has(c.product))
          continue;
        swept.add(procedure.path);
        const foreign = await send(procedure, c.foreign, actor);
        const twin = c.madeUp === undefined ? undefined : await send(procedure, c.madeUp, actor);
        // An answer told by design to an entitled caller (by-design.ts) is compared only if the caller is not.
        const confirming = confirmingInput(procedure.path, foreign, c.foreign);
        const entitled =
          confirming !== undefined && (await send(procedure, confirming, actor)).status === 200;
        const compare = direction.existenceMayShow?.has(procedure.path) !== true && !entitled;
        const probe = {
          procedure: procedure.path,
          type: procedure.type,
          actor: actor.name,
          case: c,
          compare,
        };
        findings.push(...judge(probe, foreign, twin, direction.secrets));
      }
  return { findings, calls, refused, swept };
};
