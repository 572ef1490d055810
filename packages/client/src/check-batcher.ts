// Gathers the permission checks a page asks for in one tick into one `authz.checkMany` call (at most 1,000
// checks each, `atLeast` the newest token seen), so a table with a hundred guarded buttons costs one request.
import type { TokenKeeper } from "./consistency-token.ts";
import type { GatehouseClient, RouterInputs } from "./trpc.ts";

export type Resource = RouterInputs["authz"]["check"]["resource"];

interface Pending {
  readonly action: string;
  readonly resource: Resource;
  readonly resolve: (allowed: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** The API's limit of checks per checkMany call. */
const maxChecks = 1000;

export interface CheckBatcher {
  /** Whether the signed-in user may do `action` on `resource`, answered with the other checks of this tick. */
  readonly check: (action: string, resource: Resource) => Promise<boolean>;
}

/** Checks through `client`, each call asked `atLeast` the newest token in `tokens` (the page's own past is never answered). */
export const createCheckBatcher = (client: GatehouseClient, tokens: TokenKeeper): CheckBatcher => {
  let pending: Pending[] = [];

  const flush = async (batch: ReadonlyArray<Pending>): Promise<void> => {
    try {
      const atLeast = tokens.latest();
      const answers = await client.authz.checkMany.mutate({
        checks: batch.map(({ action, resource }) => ({ action, resource })),
        ...(atLeast === undefined ? {} : { atLeast }),
      });
      for (const [i, p] of batch.entries()) p.resolve(answers[i] === "allow");
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };

  return {
    check: (action, resource) =>
      new Promise<boolean>((resolve, reject) => {
        if (pending.length === 0)
          setTimeout(() => {
            const all = pending;
            pending = [];
            for (let i = 0; i < all.length; i += maxChecks) void flush(all.slice(i, i + maxChecks));
          }, 0);
        pending.push({ action, resource, resolve, reject });
      }),
  };
};
