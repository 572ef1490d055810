// The calls the sweep makes of one procedure against another organization: for each place (organization,
// product, instance, project, environment, flag) every field foreign, only the place foreign, or one object foreign;
// each with its twin where the foreign ids are made up (same shape), whose answer must be the same.
import {
  type Assignment,
  buildInputs,
  type ObjectKind,
  objectKinds,
  type Place,
  type PlaceKey,
} from "./inputs.ts";
import type { Inventory } from "./inventory.ts";
import type { Procedure } from "./procedures.ts";

/** One probe: the input naming the other organization's objects and its made-up twin. */
export interface Case {
  readonly variant: string;
  readonly foreign: unknown;
  /** Undefined when the input names nothing of the other organization (called once, for leaks only). */
  readonly madeUp: unknown;
  /** [foreign value, made-up value] pairs, longest first, to compare the two answers. */
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  /** The product of the place the input names below the organization (undefined: the organization or none). */
  readonly product: string | undefined;
  /** For a meta-procedure's case (meta.ts), the procedure it asks about. */
  readonly about?: string;
}

/** The places a sweep visits, by the demo's id pattern: a Mission Control, Experimentation, CMS or ODP place. */
const tuples = (
  org: string,
): ReadonlyArray<{
  readonly at: Partial<Record<PlaceKey, string>>;
  readonly depths: ReadonlyArray<number>;
}> => [
  { at: { product: "mission-control", instance: `${org}-mc-production` }, depths: [1, 3] },
  {
    at: {
      product: "experimentation",
      instance: `${org}-exp`,
      project: `${org}-checkout`,
      environment: `${org}-checkout-production`,
      flag: `${org}-new-cart`,
    },
    depths: [4, 6],
  },
  { at: { product: "cms", instance: `${org}-cms` }, depths: [2, 3] },
  { at: { product: "odp", instance: `${org}-odp` }, depths: [2] },
];

/** The organization's places: every tuple at each depth, keeping only the places it has. */
const placesOf = (inv: Inventory): ReadonlyArray<Place> =>
  tuples(inv.org).flatMap(({ at, depths }) => {
    const values: Partial<Record<PlaceKey, string>> = { org: inv.org };
    for (const [key, id] of Object.entries(at) as Array<[PlaceKey, string]>)
      if (key === "product" || inv.places.has(id)) values[key] = id;
    return depths.map((depth) => ({ values, depth, deepest: depth === Math.max(...depths) }));
  });

const objectsOf = (inv: Inventory): Partial<Record<ObjectKind, string>> =>
  Object.fromEntries([...inv.objects].map(([kind, ref]) => [kind, ref.id]));

/**
 * One family of cases: from the actor's own place and the other organization's matching one, the place to use, the
 * objects, and whether role fields name the custom role; undefined where the family has no case.
 */
type Family = (
  ownPlace: Place,
  foreignPlace: Place,
) => readonly [Place, Partial<Record<ObjectKind, string>>, boolean] | undefined;

/** Versions of both organizations' objects, places and the organizations themselves, by id. */
const versions = (...inventories: ReadonlyArray<Inventory>) => {
  const byId = new Map<string, number>();
  for (const inv of inventories) {
    byId.set(inv.org, inv.version);
    for (const [id, ref] of inv.places) byId.set(id, ref.version);
    for (const ref of inv.objects.values()) byId.set(ref.id, ref.version);
  }
  return byId;
};

/**
 * The cases of `procedure` for an actor of `own` against `foreign`; `known` values of `foreign` (what the actor
 * legitimately knows exists) stay as they are in the made-up twin.
 */
export const casesOf = (
  procedure: Procedure,
  own: Inventory,
  foreign: Inventory,
  madeUp: (value: string) => string,
  known: ReadonlySet<string> = new Set(),
): ReadonlyArray<Case> => {
  const byId = versions(own, foreign);
  const foreignValues = new Set<string>(
    [foreign.org, ...foreign.places.keys(), ...Object.values(objectsOf(foreign))].filter(
      (v) => !known.has(v),
    ),
  );
  const ownPlaces = placesOf(own);
  const foreignPlaces = placesOf(foreign);
  const ownObjects = objectsOf(own);
  const foreignObjects = objectsOf(foreign);
  const twin = (v: string) => (foreignValues.has(v) ? madeUp(v) : v);
  const assignment = (
    place: Place,
    objects: Partial<Record<ObjectKind, string>>,
    customRoleInRoles: boolean,
    made: boolean,
  ): Assignment => {
    const map = (v: string) => (made ? twin(v) : v);
    return {
      place: {
        ...place,
        values: Object.fromEntries(Object.entries(place.values).map(([k, v]) => [k, map(v)])),
      },
      objects: Object.fromEntries(Object.entries(objects).map(([k, v]) => [k, map(v)])),
      customRoleInRoles,
      versionOf: (id) =>
        byId.get(id) ?? byId.get([...foreignValues].find((v) => madeUp(v) === id) ?? "") ?? 1,
    };
  };
  // What the procedure's input names: a place, and which kinds of objects (probed at the deepest place).
  const deepest = foreignPlaces.reduce((a, b) => (b.depth > a.depth ? b : a));
  const probe = buildInputs(procedure, assignment(deepest, foreignObjects, true, false));
  const { uses } = probe;
  // Without a place in the input, one (the organization) stands for all: the objects are still varied there.
  const home: Place = { ...(ownPlaces[0] as Place), deepest: true };
  const places = uses.place
    ? foreignPlaces.map((p, i) => [ownPlaces[i] ?? p, p] as const)
    : [[home, home] as const];
  const kinds = objectKinds.filter((k) => uses.objects.has(k));
  const families: Array<readonly [string, Family]> = [["all foreign", (_o, f) => [f, foreignObjects, true]]];
  if (uses.place && kinds.length > 0) families.push(["place foreign", (_o, f) => [f, ownObjects, false]]);
  // The organization's own, the instance, project, environment or flag below it another organization's.
  if (uses.place)
    families.push([
      "below own org foreign",
      (o, f) => [{ ...f, values: { ...f.values, org: o.values.org ?? "" } }, ownObjects, false],
    ]);
  // One object foreign in the actor's own places: the deepest of each kind of place is enough (rights reach down).
  for (const kind of kinds)
    families.push([
      `${kind} foreign`,
      (o) =>
        o.deepest === false
          ? undefined
          : [o, { ...ownObjects, [kind]: foreignObjects[kind] }, kind === "customRole"],
    ]);
  const seen = new Set<string>();
  const cases: Case[] = [];
  for (const [ownPlace, foreignPlace] of places)
    for (const [family, make] of families) {
      const made = make(ownPlace, foreignPlace);
      if (made === undefined) continue;
      const [place, objects, customRoleInRoles] = made;
      const foreignInputs = buildInputs(
        procedure,
        assignment(place, objects, customRoleInRoles, false),
      ).inputs;
      const madeInputs = buildInputs(procedure, assignment(place, objects, customRoleInRoles, true)).inputs;
      for (const [i, input] of foreignInputs.entries()) {
        const text = JSON.stringify(input) ?? "";
        if (seen.has(text)) continue;
        seen.add(text);
        const named = [...foreignValues].filter((v) => text.includes(JSON.stringify(v)));
        const variant = `${family} @ ${placeKeysAt(place)}`;
        const product = place.depth > 1 ? place.values.product : undefined;
        cases.push(
          named.length === 0
            ? { variant, foreign: input, madeUp: undefined, pairs: [], product }
            : {
                product,
                variant,
                foreign: input,
                madeUp: madeInputs[i],
                pairs: named.sort((a, b) => b.length - a.length).map((v) => [v, madeUp(v)] as const),
              },
        );
      }
    }
  return cases;
};

const placeKeysAt = (place: Place) =>
  Object.values(place.values).slice(0, Math.max(place.depth, 2)).join("›");
