// Whom an actor may name as the subject of a grant or a group membership: the users and groups of its own
// organization, and partner organizations' users (Mission Control roles reach them); any other is a made-up id.
import { type GrantSubjectRef, Groups, type NotFound, Organizations, Users } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import { notFound } from "../refusals.ts";

/** The subject's home organization, when someone of `home` may name it; NOT_FOUND as a made-up id otherwise. */
export const namedSubjectOrg = async (
  store: Store,
  home: string,
  subject: GrantSubjectRef,
): Promise<string> => {
  const org = await store.run(
    Effect.gen(function* () {
      const read: Effect.Effect<{ readonly org: string }, NotFound, Users | Groups> =
        subject.kind === "user"
          ? Users.use((users) => users.get(subject.id))
          : Groups.use((groups) => groups.get(subject.id));
      const found = yield* Effect.option(read);
      if (Option.isNone(found)) return undefined;
      if (found.value.org === home) return home;
      if (subject.kind === "group") return undefined;
      const owner = yield* Organizations.use((orgs) => orgs.get(found.value.org));
      return owner.kind === "partner" ? owner.id : undefined;
    }),
  );
  if (org === undefined) throw notFound(subject.kind, subject.id);
  return org;
};
