// `pnpm bench --streams N`: N /events subscribers on one server process, opened from this process over loopback;
// changes written one at a time, each timed from its write to its arrival at every subscriber; then all closed.
import { type ChildProcess, fork } from "node:child_process";
import { type ClientRequest, request } from "node:http";
import { fileURLToPath } from "node:url";
import { percentile } from "./measure.ts";
import type { ServerMemory, StreamsReady } from "./streams-server.ts";

/** The streams measured: the apps' /events, or the SDK's change stream. */
export type StreamPath = "/events" | "/v1/changes";

export interface StreamsOptions {
  readonly streams: number;
  readonly path: StreamPath;
  readonly changes: number;
  readonly note: (text: string) => void;
}

export interface StreamsLine {
  readonly bench: "events.streams";
  readonly path: StreamPath;
  readonly streams: number;
  readonly changes: number;
  /** Deliveries measured: every subscriber's copy of every change. */
  readonly deliveries: number;
  /** From the write's start to a subscriber reading the change (all subscribers, all changes). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** From the write's start to the last subscriber reading it, per change. */
  readonly lastP50Ms: number;
  readonly lastP99Ms: number;
  readonly openSeconds: number;
  /** Server heap (JS, external and array buffers) and RSS per open stream, after a full collection. */
  readonly heapKBPerStream: number;
  readonly rssKBPerStream: number;
}

/** Each phase's bound: opening, one change's fan-out, closing. */
const OPEN_MS = 180_000;
const CHANGE_MS = 60_000;
/** Connections opened at once while opening. */
const OPENING = 250;

const startServer = (streams: number, keys: number) => {
  const child = fork(fileURLToPath(new URL("./streams-server.ts", import.meta.url)), [], {
    execArgv: ["--expose-gc", "--max-semi-space-size=64", "--import", "tsx"],
    env: {
      ...process.env,
      GATEHOUSE_EVENTS_MAX_STREAMS: String(streams),
      GATEHOUSE_EVENTS_MAX_PER_ACTOR: String(Math.ceil(streams / keys)),
      BENCH_KEYS: String(keys),
    },
  });
  return new Promise<{ child: ChildProcess; ready: StreamsReady }>((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as StreamsReady }));
    child.once("exit", (code) => reject(new Error(`the streams server exited (${code}) before listening`)));
  });
};

/** The next message of the server for which `pick` answers a value. */
const reply = <T>(child: ChildProcess, pick: (message: unknown) => T | undefined, ms = CHANGE_MS) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("message", on);
      reject(new Error(`no answer from the streams server in ${ms} ms`));
    }, ms);
    const on = (message: unknown) => {
      const value = pick(message);
      if (value === undefined) return;
      clearTimeout(timer);
      child.off("message", on);
      resolve(value);
    };
    child.on("message", on);
  });

const memoryOf = (child: ChildProcess) => {
  const answer = reply(child, (m) =>
    typeof m === "object" && m !== null && "heap" in m ? (m as ServerMemory) : undefined,
  );
  child.send("memory");
  return answer;
};

/** One subscriber: its request, and the time it read each change (by change number). */
interface Subscriber {
  readonly req: ClientRequest;
  readonly seen: Map<number, number>;
}

const changeNumber = /"group":"g-(\d+)"/g;

/** Opens one stream and succeeds once the server says it listens (`: connected`, or the SDK stream's `ready`). */
const subscribe = (port: number, path: StreamPath, key: string, onChange: () => void) =>
  new Promise<Subscriber>((resolve, reject) => {
    const seen = new Map<number, number>();
    const req = request(
      { host: "127.0.0.1", port, path, agent: false, headers: { authorization: `Bearer ${key}` } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${path} answered ${res.statusCode}`));
          res.resume();
          return;
        }
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const now = performance.timeOrigin + performance.now();
          buffer += chunk;
          const end = buffer.lastIndexOf("\n\n");
          if (end < 0) return;
          const events = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (events.includes(": connected") || events.includes("event: ready")) resolve({ req, seen });
          for (const match of events.matchAll(changeNumber)) {
            seen.set(Number(match[1]), now);
            onChange();
          }
        });
      },
    );
    req.on("error", reject);
    req.end();
  });

/** Opens `streams` subscribers, writes `changes` changes one by one, measures, closes everything. */
export const runStreamsBench = async (options: StreamsOptions): Promise<StreamsLine> => {
  const { streams, changes, path, note } = options;
  const keys = Math.max(1, Math.ceil(streams / 1000));
  const { child, ready } = await startServer(streams, keys);
  const subscribers: Subscriber[] = [];
  try {
    const before = await memoryOf(child);
    note(`streams: opening ${streams} ${path} streams (${keys} API keys) on 127.0.0.1:${ready.port}`);
    let arrived = 0;
    let wake: (() => void) | undefined;
    const onChange = () => {
      arrived += 1;
      wake?.();
    };
    const openStart = performance.now();
    for (let i = 0; i < streams; i += OPENING) {
      if (performance.now() - openStart > OPEN_MS) throw new Error(`opening took over ${OPEN_MS} ms`);
      const batch = Array.from({ length: Math.min(OPENING, streams - i) }, (_, k) =>
        subscribe(ready.port, path, ready.keys[(i + k) % keys] as string, onChange),
      );
      subscribers.push(...(await Promise.all(batch)));
    }
    const openSeconds = (performance.now() - openStart) / 1000;
    const after = await memoryOf(child);
    note(`streams: ${streams} open in ${openSeconds.toFixed(1)} s; writing ${changes} changes`);

    const writtenAt: number[] = [];
    for (let c = 0; c < changes; c++) {
      const target = (c + 1) * streams;
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`change ${c} reached ${arrived - c * streams} of ${streams} in ${CHANGE_MS} ms`),
            ),
          CHANGE_MS,
        );
        wake = () => {
          if (arrived < target) return;
          clearTimeout(timer);
          resolve();
        };
      });
      const written = reply(child, (m) => {
        const w = m as { readonly written?: number; readonly at?: number };
        return w.written === c ? w.at : undefined;
      });
      child.send({ write: c });
      writtenAt[c] = await written;
      await done;
    }
    const all = new Float64Array(streams * changes);
    const last = new Float64Array(changes);
    let k = 0;
    for (const s of subscribers)
      for (let c = 0; c < changes; c++) {
        const ms = (s.seen.get(c) as number) - (writtenAt[c] as number);
        all[k++] = ms;
        if (ms > (last[c] as number)) last[c] = ms;
      }
    all.sort();
    last.sort();
    const round = (n: number) => Number(n.toFixed(1));
    return {
      bench: "events.streams",
      path,
      streams,
      changes,
      deliveries: all.length,
      p50Ms: round(percentile(all, 0.5)),
      p99Ms: round(percentile(all, 0.99)),
      lastP50Ms: round(percentile(last, 0.5)),
      lastP99Ms: round(percentile(last, 0.99)),
      openSeconds: round(openSeconds),
      heapKBPerStream: round((after.heap - before.heap) / 1024 / streams),
      rssKBPerStream: round((after.rss - before.rss) / 1024 / streams),
    };
  } finally {
    for (const s of subscribers) s.req.destroy();
    child.send("stop");
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
    });
  }
};
