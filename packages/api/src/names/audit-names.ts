// Audit entries as people read them: the actor and a user target by name, a role, instance, project or group target
// by its name, a grant by its role and holder, an invitation by its invitee; only people the reader may see (people.ts).
import type { Engine } from "@gatehouse/domain";
import { type AuditEntry, Groups, Instances, Invitations, Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { peopleNamer } from "./people.ts";

type Named = Effect.Effect<{ readonly org: string; readonly name: string }, unknown>;

/** The grant a grant entry wrote (its state after, or before once removed), as far as its JSON says. */
interface WrittenGrant {
  readonly subject?: { readonly kind?: unknown; readonly id?: unknown };
  readonly role?: unknown;
  readonly permission?: unknown;
}

const grantOf = (entry: AuditEntry): WrittenGrant | undefined => {
  const written = entry.after ?? entry.before;
  return entry.targetKind === "grant" && typeof written === "object" && written !== null
    ? (written as WrittenGrant)
    : undefined;
};

/** A user holding the grant `entry` wrote, by id. */
const grantUser = (entry: AuditEntry): string | null => {
  const subject = grantOf(entry)?.subject;
  return subject?.kind === "user" && typeof subject.id === "string" ? subject.id : null;
};

/** Names the actors and targets of `entries`; a name is null where the reader may not see it or none is stored. */
export const auditNamer = async (
  store: Store,
  engine: Engine,
  actor: Actor,
  entries: ReadonlyArray<AuditEntry>,
) => {
  const places = new Map<string, string>();
  const invitees = new Map<string, string>();
  await store.run(
    Effect.gen(function* () {
      const instances = yield* Instances;
      const projects = yield* Projects;
      const groups = yield* Groups;
      const invitations = yield* Invitations;
      for (const e of entries) {
        if (e.targetKind !== "invitation" || e.targetId === null || invitees.has(e.targetId)) continue;
        const found = yield* Effect.option(invitations.get(e.targetId));
        if (Option.isSome(found) && found.value.org === e.org && found.value.userId !== null)
          invitees.set(e.targetId, found.value.userId);
      }
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
  const users = entries.flatMap((e) => [
    e.actorKind === "user" ? e.actorId : null,
    e.targetKind === "user" ? e.targetId : null,
    grantUser(e),
    e.targetId === null ? null : (invitees.get(e.targetId) ?? null),
  ]);
  const person = await peopleNamer(store, engine, actor, users);
  /** A grant by its role (or permission) and, where the reader may see them, its holder. */
  const grantName = (entry: AuditEntry): string | null => {
    const grant = grantOf(entry);
    const what =
      typeof grant?.role === "string"
        ? engine.roleName(grant.role)
        : typeof grant?.permission === "string"
          ? engine.actionName(grant.permission)
          : undefined;
    if (what === undefined) return null;
    const holder = grantUser(entry);
    const name = holder === null ? null : person(holder).name;
    return name === null ? what : `${what} of ${name}`;
  };
  const targetName = (entry: AuditEntry, id: string): string | null => {
    if (entry.targetKind === "user") return person(id).name;
    if (entry.targetKind === "role") return engine.roleName(id) ?? null;
    if (entry.targetKind === "grant") return grantName(entry);
    if (entry.targetKind === "invitation") {
      const invitee = invitees.get(id);
      return invitee === undefined ? null : person(invitee).name;
    }
    return places.get(`${entry.targetKind}:${id}`) ?? null;
  };
  return (entry: AuditEntry) => ({
    actorName: entry.actorKind === "user" && entry.actorId !== null ? person(entry.actorId).name : null,
    targetName: entry.targetId === null ? null : targetName(entry, entry.targetId),
  });
};
