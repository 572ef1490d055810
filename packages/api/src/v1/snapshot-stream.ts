// GET /v1/snapshot: the API key's organization's engine snapshot as NDJSON, for a decision point (@gatehouse/sdk):
// a header line, one line per row (orgs, users, groups, members, custom roles, grants), then the audit position.
import type { SnapshotRow } from "@gatehouse/domain";
import { OrgSnapshots } from "@gatehouse/store";
import type { Env, Hono } from "hono";
import { stream } from "hono/streaming";
import { runWith } from "../auth/store-runner.ts";
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

/**
 * Mounts `GET /v1/snapshot`: 401 without credentials, 403 for an actor that may not read the organization's data
 * (org-data-access.ts), else `200 application/x-ndjson`. The rows are read in one repeatable-read transaction,
 * then streamed; the database connection is not held while the client reads.
 */
export const mountSnapshot = <E extends Env>(app: Hono<E>, options: OrgDataOptions): void => {
  app.get("/v1/snapshot", async (c) => {
    const reader = await orgReader(c, options);
    if (reader instanceof Response) return reader;
    const snapshot = await runWith(
      reader.store,
      OrgSnapshots.use((snapshots) => snapshots.load(reader.org)),
    );
    c.header("content-type", "application/x-ndjson; charset=utf-8");
    c.header("cache-control", "no-store");
    return stream(c, async (out) => {
      const header: SnapshotHeader = { type: "snapshot", format: snapshotFormat, org: reader.org };
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
    });
  });
};
