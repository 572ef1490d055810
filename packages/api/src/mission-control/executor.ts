// Mission Control's executor: the interface that carries out a stored operation, and the default
// SimulatedExecutor that waits realistic durations, writes each status change audited, and marks results simulated.
import { createHash, randomBytes } from "node:crypto";
import { type OperationRecord, type OperationStatus, Operations } from "@gatehouse/store";
import type { Effect } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import { moveOperation, startOperation } from "./operation-start.ts";

/** Runs store Effects (a request's store runner, or the server's runtime). */
export type RunStore = <A, E>(effect: Effect.Effect<A, E, StoreServices>) => Promise<A>;

/** What an action gives its caller once, and what is stored in its place. */
export interface Prepared {
  /** Stored with the operation (never a secret in clear). */
  readonly params: Record<string, unknown>;
  /** Returned in the run response only, never stored (e.g. generated database credentials). */
  readonly once: Record<string, unknown> | undefined;
}

export interface OperationExecutor {
  /** Whether this executor only simulates operations (written on every operation it runs). */
  readonly simulated: boolean;
  /** Called before the operation is stored: params to store and what to reveal once. */
  readonly prepare: (action: string, instance: string) => Prepared;
  /**
   * Carries out a stored operation in the background (at `scheduledFor`, or now). Never throws. Start it with
   * `startOperation` (operation-start.ts): the requester is asked again, and another process may hold the same
   * operation (every starting server picks up the pending ones), so act only once it answered true (the claim,
   * `submitted → in-progress`, which exactly one process wins); heartbeat while it runs.
   */
  readonly submit: (operation: OperationRecord, run: RunStore) => void;
}

export interface SimulatedExecutorOptions {
  /** Seconds per action as [min, max]; a missing action takes `fallback`. */
  readonly durations?: Readonly<Record<string, readonly [number, number]>>;
  readonly fallback?: readonly [number, number];
  /** Share of operations that fail, 0–1 (default 0.05). */
  readonly failureRate?: number;
  /** Multiplies every wait, including the one until `scheduledFor` (default 1; tests use 0.001). */
  readonly timeScale?: number;
  /** Real milliseconds between heartbeats while an operation runs (default 15 000; not scaled). */
  readonly heartbeatMs?: number;
}

export const defaultDurations: Readonly<Record<string, readonly [number, number]>> = {
  "site.restart": [3, 8],
  "database.backup": [10, 30],
  "database.credentials": [1, 3],
  "database.sync": [30, 90],
  "userfiles.sync": [20, 60],
  "code.deploy": [20, 60],
  "extension.deploy": [20, 60],
};

/** The longest timer Node keeps (about 24.8 days); a longer one would fire at once. */
const longestTimer = 2 ** 31 - 1;

/** Resolves after `ms`, however long, without keeping the process alive. */
const wait = async (ms: number): Promise<void> => {
  let left = Math.max(0, ms);
  do {
    const chunk = Math.min(left, longestTimer);
    await new Promise<void>((resolve) => {
      setTimeout(resolve, chunk).unref();
    });
    left -= chunk;
  } while (left > 0);
};

export class SimulatedExecutor implements OperationExecutor {
  readonly simulated = true;
  private readonly durations: Readonly<Record<string, readonly [number, number]>>;
  private readonly fallback: readonly [number, number];
  private readonly failureRate: number;
  private readonly timeScale: number;
  private readonly heartbeatMs: number;

  constructor(options: SimulatedExecutorOptions = {}) {
    this.durations = { ...defaultDurations, ...options.durations };
    this.fallback = options.fallback ?? [5, 15];
    this.failureRate = options.failureRate ?? 0.05;
    this.timeScale = options.timeScale ?? 1;
    this.heartbeatMs = Math.max(1, options.heartbeatMs ?? 15_000);
  }

  prepare(action: string, instance: string): Prepared {
    if (action !== "mission-control:database.credentials") return { params: {}, once: undefined };
    const username = `gh_${instance.replaceAll(/[^a-z0-9]/gi, "_").slice(0, 20)}_${randomBytes(3).toString("hex")}`;
    const password = randomBytes(18).toString("base64url");
    const passwordSha256 = createHash("sha256").update(password).digest("hex");
    return {
      params: {
        username,
        passwordSha256,
        note: "password shown once to the requester; only its hash is kept",
      },
      once: { username, password },
    };
  }

  /** Milliseconds for `action`: a uniform draw within its range, scaled. */
  durationOf(action: string): number {
    const [min, max] = this.durations[action.replace(/^mission-control:/, "")] ?? this.fallback;
    return (min + Math.random() * (max - min)) * 1000 * this.timeScale;
  }

  submit(operation: OperationRecord, run: RunStore): void {
    const due = operation.scheduledFor === null ? 0 : operation.scheduledFor.getTime() - Date.now();
    const heartbeat = () => run(Operations.use((ops) => ops.heartbeat(operation.id)));
    /** Works for `ms`, signalling every `heartbeatMs` that this process still runs the operation. */
    const work = async (ms: number) => {
      for (let left = ms; left > 0; left -= this.heartbeatMs) {
        await wait(Math.min(left, this.heartbeatMs));
        if (left > this.heartbeatMs) await heartbeat();
      }
    };
    const step = (
      from: OperationStatus,
      to: OperationStatus,
      message: string,
      result?: unknown,
      error?: string,
    ) => moveOperation(operation, { from: [from], to, actor: null, message, result, error }, run);
    const go = async () => {
      await wait(due * this.timeScale);
      // The requester asked again, then the claim: of several processes holding it, only one starts it.
      if (!(await startOperation(operation, run, "started (simulated)"))) return;
      const ms = this.durationOf(operation.action);
      await work(ms);
      const seconds = Math.round(ms / 10) / 100;
      if (Math.random() < this.failureRate)
        await step(
          "in-progress",
          "failed",
          "failed (simulated)",
          { simulated: true, seconds },
          "simulated failure",
        );
      else {
        const params = (operation.params ?? {}) as Record<string, unknown>;
        const extra =
          typeof params.username === "string" ? { username: params.username, note: params.note } : {};
        await step("in-progress", "completed", "completed (simulated)", {
          simulated: true,
          seconds,
          ...extra,
        });
      }
    };
    // A background task: a cancelled operation, a closed runtime or a store failure end it quietly.
    go().catch(() => undefined);
  }
}

/** The executor the server uses unless told otherwise: env GATEHOUSE_EXECUTOR_TIME_SCALE and _FAILURE_RATE tune it. */
let current: OperationExecutor | undefined;
export const operationExecutor = (): OperationExecutor => {
  if (current !== undefined) return current;
  const scale = Number(process.env.GATEHOUSE_EXECUTOR_TIME_SCALE ?? "1");
  const rate = Number(process.env.GATEHOUSE_EXECUTOR_FAILURE_RATE ?? "0.05");
  current = new SimulatedExecutor({
    timeScale: Number.isFinite(scale) && scale >= 0 ? scale : 1,
    failureRate: Number.isFinite(rate) && rate >= 0 && rate <= 1 ? rate : 0.05,
  });
  return current;
};

/** Replaces the executor (a real one, or a configured simulation). */
export const setOperationExecutor = (executor: OperationExecutor): void => {
  current = executor;
};
