// Every bulk-invite row asked of the server before anything is sent: `may` on the row's own users.invite call
// (its role, its place, the admin's right to give it there), one batched request for all rows.
import { type MayAnswer, useTRPC } from "@gatehouse/client";
import { useQueries } from "@tanstack/react-query";
import type { BulkRow } from "./bulk-csv.ts";

/** The users.invite input of one row: checked with `may`, then sent as is. */
export const inviteInputOf = (org: string, row: BulkRow) => ({
  org,
  emails: [row.email],
  ...(row.name === "" ? {} : { name: row.name }),
  language: row.language,
  grants: [{ role: row.role, scope: { org, ...row.scope } }],
});

/** What the server says of a row: still asking, ready, or refused with its reason. */
export type RowCheck =
  | { readonly kind: "checking" }
  | { readonly kind: "ready" }
  | { readonly kind: "refused"; readonly reason: string };

const checkOf = (answer: MayAnswer | undefined, error: unknown): RowCheck => {
  if (error !== null && error !== undefined)
    return { kind: "refused", reason: "Could not be checked: try again" };
  if (answer === undefined) return { kind: "checking" };
  return answer.allowed ? { kind: "ready" } : { kind: "refused", reason: answer.reason };
};

/** The server's answer for each well-formed row, by line (rows with a problem of their own are not asked). */
export const useBulkChecks = (
  org: string | undefined,
  rows: ReadonlyArray<BulkRow>,
): ReadonlyMap<number, RowCheck> => {
  const trpc = useTRPC();
  const asked = org === undefined ? [] : rows.filter((row) => row.problem === undefined);
  const answers = useQueries({
    queries: asked.map((row) => ({
      ...trpc.may.queryOptions({ procedure: "users.invite", input: inviteInputOf(org ?? "", row) }),
      staleTime: 30_000,
    })),
  });
  return new Map(asked.map((row, i) => [row.line, checkOf(answers[i]?.data, answers[i]?.error)] as const));
};
