// Consistency tokens: the position (audit row id) of the newest change a request made, answered in the
// Gatehouse-Token header, and the wait of a question asked `atLeast` a token until this process has applied it.
import type { Engine } from "@gatehouse/domain";
import { EngineSync, NotYetApplied } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Duration } from "effect";
import { runWith, type StoreRunner } from "./auth/store-runner.ts";

/** The response header carrying a request's token: for a batch of calls, the highest of theirs. */
export const TOKEN_HEADER = "Gatehouse-Token";

/** How long a question asked `atLeast` a token waits for this process to apply it, unless configured. */
export const defaultAtLeastWait = Duration.seconds(5);

/** The newest change a request made: every audited write records its audit id, the response answers the highest. */
export class WrittenPosition {
  private highest: bigint | undefined;

  record(auditId: string): void {
    const at = BigInt(auditId);
    if (this.highest === undefined || at > this.highest) this.highest = at;
  }

  /** The request's token, once it wrote (a decimal audit id). */
  get token(): string | undefined {
    return this.highest?.toString();
  }
}

/** The response headers of a request: its token when it wrote (tRPC's responseMeta). */
export const tokenHeaders = (written: WrittenPosition | undefined): { headers?: Record<string, string> } => {
  const token = written?.token;
  return token === undefined ? {} : { headers: { [TOKEN_HEADER]: token } };
};

/** The token a question's input carries in its `atLeast` field (contracts' ConsistencyToken), if any. */
export const atLeastOf = (input: unknown): string | undefined =>
  typeof input === "object" && input !== null && "atLeast" in input && typeof input.atLeast === "string"
    ? input.atLeast
    : undefined;

/** This process's engine once it has applied `token`; refused after the wait as the store says why. */
export type EngineAt = (token: string) => Promise<Engine>;

/**
 * Waits (at most `within`) through the store's EngineSync, then reads the current engine: a reload may have
 * replaced the one the request started with. Not yet applied is PRECONDITION_FAILED (the caller's condition on
 * this server's state does not hold yet; another try, here or on another process, may pass); too many requests
 * waiting already is TOO_MANY_REQUESTS. The message names only the caller's own token.
 */
export const engineAt =
  (store: StoreRunner, engine: () => Engine, within: Duration.Duration): EngineAt =>
  (token) =>
    runWith(
      store,
      EngineSync.use((sync) => sync.awaitPosition(token, within)),
    ).then(engine, (cause: unknown) => {
      if (!(cause instanceof NotYetApplied)) throw cause;
      const code = cause.reason === "late" ? "PRECONDITION_FAILED" : "TOO_MANY_REQUESTS";
      throw new TRPCError({ code, message: cause.message, cause });
    });
