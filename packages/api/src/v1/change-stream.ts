// GET /v1/changes: the engine changes of the reader's organization as Server-Sent Events, for a decision point
// (@gatehouse/sdk) to follow after loading GET /v1/snapshot. Shares the process's ChangeFeed and /events' limits.
import { ChangeFeed, OrgSnapshots } from "@gatehouse/store";
import { Cause, type Duration, Effect, Exit, Stream } from "effect";
import type { Env, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { heartbeatInterval } from "../events.ts";
import { defaultStreamLimits, type StreamLimits, streamQuota } from "../stream-quota.ts";
import { type KnownPartners, orgStreamItem } from "./org-changes.ts";
import { type OrgDataOptions, orgReader } from "./org-data-access.ts";

export interface ChangeStreamOptions extends OrgDataOptions {
  /** How often the stream re-authorizes its reader and sends a heartbeat (default 15 s, as /events). */
  readonly heartbeat?: Duration.Duration | undefined;
  /** How many change streams may be open at once, per actor and in all (default `defaultStreamLimits`). */
  readonly limits?: StreamLimits | undefined;
}

const tooMany = (limits: StreamLimits, refused: "actor" | "total") => ({
  error: {
    code: "TOO_MANY_REQUESTS",
    message:
      refused === "actor"
        ? `At most ${limits.perActor} change streams may be open at once per API key or account: close one`
        : "The server has as many change streams open as it serves: try again later",
  },
});

/**
 * Mounts `GET /v1/changes` (authorized as GET /v1/snapshot). Events, once listening:
 * - `ready` (`{ org }`): load the snapshot now; every change committed from here on follows.
 * - `change` (id: the audit row; `{ audit, part, parts, changes }`): changes the organization's snapshot holds.
 * - `position` (`{ position }`): an audit row with nothing for this snapshot; only its position, nothing else.
 * - `reload` (`{ position }`, position null after a gap): load the snapshot again (a change that may concern the
 *   organization but cannot be sent as data, a resync, or events this stream dropped for falling behind).
 * - `signed-out`: the key was revoked or the right lost; the stream ends.
 * A comment `: heartbeat` every `heartbeat`. A reader holding `limits.perActor` streams is answered 429.
 */
export const mountChanges = <E extends Env>(app: Hono<E>, options: ChangeStreamOptions): void => {
  const limits = options.limits ?? defaultStreamLimits;
  const quota = streamQuota(limits);
  app.get("/v1/changes", async (c) => {
    const reader = await orgReader(c, options);
    if (reader instanceof Response) return reader;
    const { actor, org, store } = reader;
    const place = quota.take(`${actor.kind}:${actor.id}`);
    if ("refused" in place) {
      c.header("Retry-After", "30");
      return c.json(tooMany(limits, place.refused), 429);
    }
    const isOwn = (subject: string) => options.engine().findSubject(subject)?.org === org;
    return streamSSE(c, async (sse) => {
      const closed = new Promise<void>((resolve) => {
        sse.onAbort(resolve);
        c.req.raw.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      const send = (event: string, data: unknown, id?: string) =>
        Effect.promise(() =>
          sse.writeSSE({ event, data: JSON.stringify(data), ...(id === undefined ? {} : { id }) }),
        );
      const relay = Effect.scoped(
        Effect.gen(function* () {
          const events = yield* (yield* ChangeFeed).subscribe();
          // Read once listening: a grant given to a partner meanwhile is heard, and adds its subject.
          const partnersNow = OrgSnapshots.use((snapshots) => snapshots.partners(org));
          const fresh = (found: {
            subjects: ReadonlySet<string>;
            orgs: ReadonlySet<string>;
          }): KnownPartners => ({
            subjects: new Set(found.subjects),
            orgs: new Set(found.orgs),
          });
          let known = fresh(yield* partnersNow);
          yield* send("ready", { org });
          const heartbeat = Effect.gen(function* () {
            while (true) {
              yield* Effect.sleep(options.heartbeat ?? heartbeatInterval);
              if (!(yield* Effect.promise(reader.stillAllowed))) return yield* send("signed-out", {});
              yield* Effect.promise(() => sse.write(": heartbeat\n\n"));
            }
          });
          let lastSeq = 0;
          const changes = Stream.runForEach(events, (event) =>
            Effect.gen(function* () {
              const gap = lastSeq !== 0 && event.seq !== lastSeq + 1;
              lastSeq = event.seq;
              const item = gap ? { kind: "reload" as const } : orgStreamItem(org, known, isOwn, event);
              const last = event.part === event.parts;
              if (item.kind === "change")
                return yield* send(
                  "change",
                  { audit: event.audit, part: event.part, parts: event.parts, changes: item.changes },
                  event.audit,
                );
              if (item.kind === "reload") {
                yield* send("reload", { position: gap ? null : event.audit });
                known = fresh(yield* partnersNow);
                return;
              }
              if (last) yield* send("position", { position: event.audit });
            }),
          );
          yield* Effect.raceFirst(changes, heartbeat);
        }),
      );
      try {
        const exit = await store.runPromiseExit(
          Effect.raceFirst(
            relay,
            Effect.promise(() => closed),
          ),
        );
        if (Exit.isFailure(exit) && !Cause.hasInterruptsOnly(exit.cause)) throw Cause.squash(exit.cause);
      } finally {
        place.release();
      }
    });
  });
};
