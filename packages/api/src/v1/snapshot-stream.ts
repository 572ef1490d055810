// GET /v1/snapshot: the API key's organization's engine snapshot as NDJSON, for a decision point (@gatehouse/sdk):
// a header line, one line per row (orgs, users, groups, members, custom roles, grants), then the audit position.
import type { SnapshotRow } from "@gatehouse/domain";
import { type OrgSnapshot, OrgSnapshots } from "@gatehouse/store";
import type { Env, Hono } from "hono";
import { stream } from "hono/streaming";
import type { StreamingApi } from "hono/utils/stream";
import { runWith } from "../auth/store-runner.ts";
import { tooManyStreams } from "../sse-session.ts";
import { type StreamLimits, streamQuota } from "../stream-quota.ts";
import { type OrgDataOptions, orgReader } from "./org-data-access.ts";

/** The snapshot format's version, in the header line: a client refuses one it does not know. */
export const snapshotFormat = 1;

/** The first line. */
export interface SnapshotHeader {
  readonly type: "snapshot";
  readonly format: number;
  readonly org: string;
}

/**
 * The last line: the last audit id committed in the rows' snapshot, the newest ids committed there (ascending, at
 * most 1,000: the positions the rows hold, for consistency tokens), and how many rows came (a cut stream lacks it).
 */
export interface SnapshotEnd {
  readonly type: "end";
  readonly position: string;
  readonly newest: ReadonlyArray<string>;
  readonly rows: number;
}

/** One line of the stream. */
export type SnapshotLine = SnapshotHeader | SnapshotRow | SnapshotEnd;

/** Rows are written in chunks of about this many bytes, each awaited (the client's pace, never one whole string). */
const chunkBytes = 64 * 1024;

/** Writes the lines of `snapshot` to `out` in chunks, stopping if the client goes away. */
const send = async (out: StreamingApi, org: string, snapshot: OrgSnapshot): Promise<void> => {
  const header: SnapshotHeader = { type: "snapshot", format: snapshotFormat, org };
  let chunk = `${JSON.stringify(header)}\n`;
  for (const row of snapshot.rows) {
    chunk += `${JSON.stringify(row)}\n`;
    if (chunk.length >= chunkBytes) {
      await out.write(chunk);
      chunk = "";
    }
    if (out.aborted) return;
  }
  const end: SnapshotEnd = {
    type: "end",
    position: snapshot.position,
    newest: snapshot.newest,
    rows: snapshot.rows.length,
  };
  await out.write(`${chunk}${JSON.stringify(end)}\n`);
};

/**
 * Snapshots being read or sent at once: a decision point loads one at start and after a gap, so 2 per API key or
 * account leaves room for a reload beside a slow one; 16 in all bound the rows one process holds for readers.
 */
export const snapshotLimits: StreamLimits = { perActor: 2, total: 16 };

/**
 * Mounts `GET /v1/snapshot`: 401 without credentials, 403 for an actor that may not read the organization's data
 * (org-data-access.ts), 429 (with Retry-After) beyond `limits`, else `200 application/x-ndjson`. The rows are read
 * in one repeatable-read transaction, then streamed; the database connection is not held while the client reads.
 */
export const mountSnapshot = <E extends Env>(
  app: Hono<E>,
  options: OrgDataOptions,
  limits: StreamLimits = snapshotLimits,
): void => {
  const quota = streamQuota(limits);
  app.get("/v1/snapshot", async (c) => {
    const reader = await orgReader(c, options);
    if (reader instanceof Response) return reader;
    const place = quota.take(`${reader.actor.kind}:${reader.actor.id}`);
    if ("refused" in place) {
      c.header("Retry-After", "5");
      return c.json(tooManyStreams(limits, place.refused, "snapshots", "API key or account"), 429);
    }
    const snapshot = await runWith(
      reader.store,
      OrgSnapshots.use((snapshots) => snapshots.load(reader.org)),
    ).catch((cause: unknown) => {
      place.release();
      throw cause;
    });
    c.header("content-type", "application/x-ndjson; charset=utf-8");
    c.header("cache-control", "no-store");
    return stream(c, async (out) => {
      try {
        await send(out, reader.org, snapshot);
      } finally {
        place.release();
      }
    });
  });
};
