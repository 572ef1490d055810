// GET /v1/changes: the engine changes of the reader's organization as Server-Sent Events, for a decision point
// (@gatehouse/sdk) to follow after loading GET /v1/snapshot. Shares the process's ChangeFeed and /events' limits.
import { ChangeFeed, OrgSnapshots } from "@gatehouse/store";
import { type Duration, Effect, Stream } from "effect";
import type { Env, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { watchKey } from "../auth/key-watch.ts";
import { heartbeatInterval } from "../events.ts";
import { beforeDelivery, heartbeat, runSession, tooManyStreams, untilSignedOut } from "../sse-session.ts";
import { defaultStreamLimits, type StreamLimits, streamQuota } from "../stream-quota.ts";
import { type KnownPartners, orgStreamItem } from "./org-changes.ts";
import { type OrgDataOptions, orgReader } from "./org-data-access.ts";

export interface ChangeStreamOptions extends OrgDataOptions {
  /** How often the stream re-authorizes its reader and sends a heartbeat (default 15 s, as /events). */
  readonly heartbeat?: Duration.Duration | undefined;
  /** How many change streams may be open at once, per actor and in all (default `defaultStreamLimits`). */
  readonly limits?: StreamLimits | undefined;
}

/**
 * Mounts `GET /v1/changes` (authorized as GET /v1/snapshot). Events, once listening:
 * - `ready` (`{ org }`): load the snapshot now; every change committed from here on follows.
 * - `change` (id: the audit row; `{ audit, part, parts, changes }`): changes the organization's snapshot holds.
 * - `position` (`{ position }`): an audit row with nothing for this snapshot; only its position, nothing else.
 * - `reload` (`{ position }`, position null after a gap): load the snapshot again (a change that may concern the
 *   organization but cannot be sent as data, a resync, or events this stream dropped for falling behind).
 * - `signed-out`: the key was revoked or the right lost; the stream ends. A key's revocation heard by this process
 *   ends its streams at once, and nothing is delivered once the key cache no longer vouches for the key and it
 *   does not resolve again; the heartbeat re-checks everything else (a session, the right).
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
      return c.json(tooManyStreams(limits, place.refused, "change streams", "API key or account"), 429);
    }
    const isOwn = (subject: string) => options.engine().findSubject(subject)?.org === org;
    return streamSSE(c, async (sse) => {
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
          const watch = yield* watchKey(reader.presented, actor, options.engine);
          const stillAllowed = Effect.promise(reader.stillAllowed);
          const signedOut = send("signed-out", {});
          yield* send("ready", { org });
          const beat = heartbeat(sse, options.heartbeat ?? heartbeatInterval, stillAllowed, signedOut);
          let lastSeq = 0;
          const changes = Stream.runForEach(events, (event) =>
            Effect.gen(function* () {
              yield* beforeDelivery(watch, stillAllowed);
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
          yield* untilSignedOut(changes, beat, watch, signedOut);
        }),
      );
      await runSession(sse, c.req.raw, store, relay, place.release);
    });
  });
};
