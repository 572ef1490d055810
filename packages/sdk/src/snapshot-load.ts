// Loads the organization's snapshot from GET /v1/snapshot (NDJSON, read as it arrives) into a new Engine, with
// the same row loader the server uses (domain's loadRow); refuses a cut stream or an unknown format.
import { Engine, loadRow, type SnapshotRow } from "@gatehouse/domain";
import { chunksOf } from "./body-chunks.ts";
import { RemoteRefusal } from "./errors.ts";
import type { Transport } from "./transport.ts";

/** The snapshot format this SDK reads (the header line's `format`). */
const knownFormat = 1;

type Line =
  | { readonly type: "snapshot"; readonly format: number; readonly org: string }
  | {
      readonly type: "end";
      readonly position: string;
      readonly newest: ReadonlyArray<string>;
      readonly rows: number;
    }
  | SnapshotRow;

export interface LoadedSnapshot {
  readonly engine: Engine;
  readonly org: string;
  readonly position: string;
  /** The newest audit ids committed in the snapshot, ascending; `complete` when they are all there are. */
  readonly newest: ReadonlyArray<string>;
  readonly complete: boolean;
}

/** The most ids the server sends in `newest`: fewer means they are all. */
const newestSent = 1_000;

/** The response body's lines, parsed one by one as the chunks arrive. */
async function* linesOf(body: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<Line> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of chunksOf(body, signal)) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line !== "") yield JSON.parse(line) as Line;
      newline = pending.indexOf("\n");
    }
  }
}

/** Fetches and loads the snapshot; throws RemoteRefusal for a refused request or an incomplete stream. */
export const loadSnapshot = async (transport: Transport, signal: AbortSignal): Promise<LoadedSnapshot> => {
  const response = await transport.get("/v1/snapshot", signal);
  if (!response.ok || response.body === null) throw await transport.refusal(response);
  const rows: Array<SnapshotRow> = [];
  let org: string | undefined;
  let end: Extract<Line, { readonly type: "end" }> | undefined;
  for await (const line of linesOf(response.body, signal)) {
    if (line.type === "snapshot") {
      if (line.format !== knownFormat)
        throw new RemoteRefusal("UNSUPPORTED", `Snapshot format ${line.format} is not one this SDK reads`);
      org = line.org;
    } else if (line.type === "end") end = line;
    else rows.push(line);
  }
  if (org === undefined || end === undefined || end.rows !== rows.length)
    throw new RemoteRefusal("INCOMPLETE", "The snapshot stream ended early; it will be loaded again");
  const engine = new Engine();
  const snapshot = engine.snapshot;
  snapshot.batch(() => {
    for (const row of rows) loadRow(snapshot, row);
  });
  return {
    engine,
    org,
    position: end.position,
    newest: end.newest,
    complete: end.newest.length < newestSent,
  };
};
