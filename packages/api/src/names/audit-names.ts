// Audit entries as people read them: the actor and a user target by name, a role, instance, project or group
// target by its name; only people the reader may see (people.ts) and objects of the entry's organization.
import type { Engine } from "@gatehouse/domain";
import { type AuditEntry, Groups, Instances, Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { peopleNamer } from "./people.ts";

type Named = Effect.Effect<{ readonly org: string; readonly name: string }, unknown>;

/** Names the actors and targets of `entries`; a name is null where the reader may not see it or none is stored. */
export const auditNamer = async (
  store: Store,
  engine: Engine,
  actor: Actor,
  entries: ReadonlyArray<AuditEntry>,
) => {
  const users = entries.flatMap((e) => [
    e.actorKind === "user" ? e.actorId : null,
    e.targetKind === "user" ? e.targetId : null,
  ]);
  const person = await peopleNamer(store, engine, actor, users);
  const places = new Map<string, string>();
  await store.run(
    Effect.gen(function* () {
      const instances = yield* Instances;
      const projects = yield* Projects;
      const groups = yield* Groups;
      const get: Record<string, (id: string) => Named> = {
        instance: instances.get,
        project: projects.get,
        group: groups.get,
      };
      for (const e of entries) {
        const read = get[e.targetKind];
        const key = `${e.targetKind}:${e.targetId}`;
        if (read === undefined || e.targetId === null || places.has(key)) continue;
        const found = yield* Effect.option(read(e.targetId));
        // Only an object of the entry's own organization is named.
        if (Option.isSome(found) && found.value.org === e.org) places.set(key, found.value.name);
      }
    }),
  );
  return (entry: AuditEntry) => ({
    actorName: entry.actorKind === "user" && entry.actorId !== null ? person(entry.actorId).name : null,
    targetName:
      entry.targetId === null
        ? null
        : entry.targetKind === "user"
          ? person(entry.targetId).name
          : entry.targetKind === "role"
            ? (engine.roleName(entry.targetId) ?? null)
            : (places.get(`${entry.targetKind}:${entry.targetId}`) ?? null),
  });
};
