// What the sweep asserts of each answer: no 5xx, no value of the other organization beyond what the caller sent,
// and the same answer for a foreign id as for a made-up one (status, code, message, and a query's data).
import type { Case } from "./cases.ts";
import type { Reply } from "./http.ts";
import type { Inventory } from "./inventory.ts";

export type FindingKind = "5xx" | "leak" | "oracle" | "audited-refusal" | "changed";

export interface Finding {
  readonly kind: FindingKind;
  readonly procedure: string;
  readonly actor: string;
  readonly variant: string;
  readonly input: unknown;
  readonly detail: string;
}

/**
 * The other organization's values a reply must not show: ids, names and emails of its objects (audit ids are
 * numbers and not searched), without those the caller's own organization or the public vocabulary also has, and
 * without `allowed` (a partner's legitimate reach).
 */
export const distinguishing = (
  victim: Inventory,
  own: Inventory,
  vocabulary: string,
  allowed: ReadonlySet<string>,
): ReadonlyArray<string> => {
  const ownValues = [...own.values].flatMap(([, values]) => values);
  return [
    ...new Set(
      [...victim.values]
        .filter(([kind]) => kind !== "audit")
        .flatMap(([, values]) => values)
        .filter(
          (v) =>
            v.length >= 4 &&
            !allowed.has(v) &&
            !vocabulary.includes(v) &&
            !ownValues.some((mine) => mine.includes(v)),
        ),
    ),
  ];
};

/**
 * The random secrets a reply may carry (an accept link's token, a new API key: 32 random bytes in base64url),
 * masked before the leak search: 43 random characters contain a 4-letter name like "Acme" about once in
 * 400,000 tokens, which is chance, not a leak.
 */
const randomSecrets = /(token=|gh_)[A-Za-z0-9_%-]{43,}/g;
const masked = (raw: string): string => raw.replace(randomSecrets, "$1⟨random⟩");

/** The values of `secrets` a reply shows that its input did not carry (outside its random secrets). */
export const leaked = (
  reply: { readonly raw: string },
  input: unknown,
  secrets: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const sent = JSON.stringify(input) ?? "";
  const shown = masked(reply.raw);
  return secrets.filter((v) => !sent.includes(v) && shown.includes(v));
};

/** `value` in `raw` with the 120 characters either side, where a leak finding shows it. */
const around = (raw: string, value: string): string => {
  const text = masked(raw);
  const at = text.indexOf(value);
  return `${value}: …${text.slice(Math.max(0, at - 120), at + value.length + 120)}…`;
};

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** An answer with the probe's ids replaced by placeholders, so a foreign and a made-up answer compare. */
export const normalized = (reply: Reply, type: "query" | "mutation", ids: ReadonlyArray<string>): string => {
  let text = JSON.stringify({
    status: reply.status,
    code: reply.code,
    message: reply.message,
    data: type === "query" ? reply.data : undefined,
  });
  for (const [i, id] of ids.entries()) text = text.replaceAll(id, `⟨${i}⟩`);
  return text.replace(uuid, "⟨uuid⟩");
};

/** The findings of one probe: its foreign answer and, when it has one, its made-up twin's. */
export const judge = (
  probe: {
    readonly procedure: string;
    readonly type: "query" | "mutation";
    readonly actor: string;
    readonly case: Case;
    /** Whether the foreign and the made-up answers must be the same. */
    readonly compare: boolean;
  },
  foreign: Reply,
  madeUp: Reply | undefined,
  secrets: ReadonlyArray<string>,
): ReadonlyArray<Finding> => {
  const { case: c } = probe;
  const finding = (kind: FindingKind, detail: string, input: unknown = c.foreign): Finding => ({
    kind,
    procedure: probe.procedure,
    actor: probe.actor,
    variant: c.variant,
    input,
    detail,
  });
  const out: Finding[] = [];
  for (const [reply, input] of [
    [foreign, c.foreign],
    ...(madeUp === undefined ? [] : [[madeUp, c.madeUp] as const]),
  ] as const) {
    if (reply.status >= 500) out.push(finding("5xx", `${reply.status} ${reply.message ?? ""}`, input));
    const shown = leaked(reply, input, secrets);
    if (shown.length > 0)
      out.push(finding("leak", `shows ${shown.map((v) => around(reply.raw, v)).join(" | ")}`, input));
  }
  if (madeUp === undefined || !probe.compare) return out;
  const a = normalized(
    foreign,
    probe.type,
    c.pairs.map(([f]) => f),
  );
  const b = normalized(
    madeUp,
    probe.type,
    c.pairs.map(([, m]) => m),
  );
  if (a !== b) out.push(finding("oracle", `foreign ${a.slice(0, 300)} ≠ made-up ${b.slice(0, 300)}`));
  return out;
};
