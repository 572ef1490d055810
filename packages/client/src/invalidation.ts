// Which cached reads a committed change may have altered, by the tRPC router that serves them: one table from
// the change stream's change types (packages/store/src/changes.ts) to router path keys, read by live-stream.ts.
import type { VisibleEvent } from "@gatehouse/api";
import type { RouterOutputs } from "./trpc.ts";

/** A top-level router of the app router; its path key covers every query beneath it. */
export type RouterName = keyof RouterOutputs;

/** The change types the stream sends (packages/store's Change), and "changed" for those a subscriber may not read. */
export type ChangeType = VisibleEvent["changes"][number]["type"];

/**
 * Decisions the engine answers alone, on the resource and attributes the page sends (checks, explanations): a
 * change of stored records reaches them through the page's own reads, whose new attributes ask anew.
 */
const engineDecisions = ["authz"] as const satisfies ReadonlyArray<RouterName>;

/**
 * Decisions the server builds from stored records as well as the engine: `may` runs a procedure's authorization on
 * the records its input names (an environment's `production`, a flag's status, the flags using an audience, a
 * version), `assignable` and `whatIf` read the places and grants asked about. Any committed change may alter them.
 */
const storedDecisions = ["assignable", "may", "whatIf"] as const satisfies ReadonlyArray<RouterName>;

/** Reads that are decisions: permission answers, explanations, what one may assign or call. */
const decisions = [...engineDecisions, ...storedDecisions];

/**
 * Reads of stored records, each filtered by what the reader may view. The catalog is fixed while the server runs;
 * exports are downloaded when asked for, never cached.
 */
const records = [
  "accessRequests",
  "apiKeys",
  "audiences",
  "audit",
  "environments",
  "flags",
  "grants",
  "groups",
  "instances",
  "invitations",
  "missionControl",
  "operations",
  "organizations",
  "outbox",
  "projects",
  "roles",
  "users",
] as const satisfies ReadonlyArray<RouterName>;

/**
 * The session (`auth.me`): besides who is signed in, the engine's answers about that person (the landing page, the
 * sections the navigation shows, the next lapse), which any change the engine applies may alter.
 */
const session = ["auth"] as const satisfies ReadonlyArray<RouterName>;

/** A router neither listed above nor left out on purpose: a new router must be placed in one of the lists. */
type Unplaced = Exclude<
  RouterName,
  | (typeof engineDecisions)[number]
  | (typeof storedDecisions)[number]
  | (typeof records)[number]
  | (typeof session)[number]
  | "catalog"
  | "exports"
>;
const everyRouterPlaced: [Unplaced] extends [never] ? true : Unplaced = true;
void everyRouterPlaced;

/** Every read: the decisions, every record list and the session. */
const everyRead: ReadonlyArray<RouterName> = [...decisions, ...records, ...session];

/**
 * What each change type may alter. A change the engine applies (grants, memberships, roles, a subject or an
 * organization's products) may change any decision, and every list is filtered by decisions, so it reaches
 * every read; an added user or group without grants changes the people lists (and the audit trail) and the
 * decisions built from stored records (a call naming the new user or group).
 */
export const affectedBy: Readonly<Record<ChangeType, ReadonlyArray<RouterName>>> = {
  "org.set": everyRead,
  "user.added": [...storedDecisions, "users", "groups", "audit"],
  "user.deactivated": everyRead,
  "user.reactivated": everyRead,
  "group.added": [...storedDecisions, "groups", "audit"],
  "subject.removed": everyRead,
  "member.added": everyRead,
  "member.removed": everyRead,
  "grant.added": everyRead,
  "grant.removed": everyRead,
  "role.set": everyRead,
  "role.removed": everyRead,
  resync: everyRead,
  changed: everyRead,
};

/**
 * For a change of the stored records `routers` serve, without engine changes (a flag's status, an environment
 * marked production, a rename, an invitation): those, and the decisions built from stored records, which such a
 * change alters too (the engine's own answers follow from the refreshed records' attributes).
 */
export const withStoredDecisions = (routers: Iterable<RouterName>): ReadonlySet<RouterName> =>
  new Set([...storedDecisions, ...routers]);

const isChangeType = (type: unknown): type is ChangeType =>
  typeof type === "string" && Object.hasOwn(affectedBy, type);

/**
 * The routers whose reads an event of the stream (its JSON `data`, `{ audit, changes }`) may have altered. An
 * event that cannot be read, or names a change type this client does not know, reaches every read.
 */
export const routersAffectedBy = (data: string): ReadonlySet<RouterName> => {
  let changes: unknown;
  try {
    const parsed: unknown = JSON.parse(data);
    changes =
      typeof parsed === "object" && parsed !== null && "changes" in parsed ? parsed.changes : undefined;
  } catch {
    return new Set(everyRead);
  }
  if (!Array.isArray(changes)) return new Set(everyRead);
  // No engine change (a flag, an environment, an audience, an invitation…): any record, and what is built on them.
  if (changes.length === 0) return withStoredDecisions(records);
  const routers = new Set<RouterName>();
  for (const change of changes) {
    const type: unknown = typeof change === "object" && change !== null ? change.type : undefined;
    for (const router of isChangeType(type) ? affectedBy[type] : everyRead) routers.add(router);
  }
  return routers;
};

/** Every read, for a stream that reconnected and may have missed changes. */
export const allReads: ReadonlySet<RouterName> = new Set(everyRead);
