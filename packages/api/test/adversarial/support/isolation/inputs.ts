// Inputs built from a procedure's own schema: every field naming an organization, a place (instance, project,
// environment, flag) or an object (user, group, grant, role, ...) is filled from an assignment, the rest with plain
// values. A field the builder does not understand throws: a procedure the sweep cannot call fails the sweep.
import { products } from "@gatehouse/domain";
import type { JsonSchema, Procedure } from "./procedures.ts";

export const placeKeys = ["org", "product", "instance", "project", "environment", "flag"] as const;
export type PlaceKey = (typeof placeKeys)[number];
export const objectKinds = [
  "user",
  "email",
  "group",
  "grant",
  "customRole",
  "invitation",
  "operation",
  "accessRequest",
  "apiKey",
  "audience",
] as const;
export type ObjectKind = (typeof objectKinds)[number];

/** A place of one organization: its keys down to some depth, and how many of them a scope carries. */
export interface Place {
  readonly values: Readonly<Partial<Record<PlaceKey, string>>>;
  /** Scope objects carry the first `depth` place keys (1: the organization only). */
  readonly depth: number;
  /** Whether this is the deepest depth the sweep visits of this kind of place. */
  readonly deepest?: boolean;
}

/** What fills the fields naming organizations, places and objects in one input. */
export interface Assignment {
  readonly place: Place;
  readonly objects: Readonly<Partial<Record<ObjectKind, string>>>;
  /** Role fields name the custom role `objects.customRole` (else a system role of the place's product). */
  readonly customRoleInRoles: boolean;
  /** The version of a versioned object or place by its id (0 when unknown). */
  readonly versionOf: (id: string) => number;
}

/** The organization's or object's kinds an input uses: the sweep varies only these. */
export interface Uses {
  place: boolean;
  readonly objects: Set<ObjectKind>;
}

export class CannotBuild extends Error {}
/** The assignment lacks a value this input requires: the variant is not built. */
const missing = Symbol("missing");
type Built = unknown;

/** The kind of object `id` names in each router (the places: the place key). */
const idKinds: Readonly<Record<string, ObjectKind | PlaceKey | "systemRole">> = {
  grants: "grant",
  groups: "group",
  users: "user",
  invitations: "invitation",
  roles: "customRole",
  operations: "operation",
  accessRequests: "accessRequest",
  apiKeys: "apiKey",
  organizations: "org",
  instances: "instance",
  projects: "project",
  environments: "environment",
  flags: "flag",
  audiences: "audience",
  catalog: "systemRole",
};

/** Fields naming objects, wherever they appear. */
const objectFields: Readonly<Record<string, ObjectKind>> = {
  userId: "user",
  subject: "user",
  actor: "user",
  targetId: "user",
  groupId: "group",
  duplicateFrom: "customRole",
  grant: "grant",
  email: "email",
  emails: "email",
};

/** Fields naming the organization or a place, outside scope objects. */
const placeFields: Readonly<Record<string, PlaceKey>> = {
  org: "org",
  customer: "org",
  customerOrg: "org",
  product: "product",
  products: "product",
  instance: "instance",
  project: "project",
  environment: "environment",
  flag: "flag",
};

const future = "2999-01-01T00:00:00.000Z";
/** A schedule operations.run takes: within its 90 days ahead (the domain's scheduleRefusal). */
const scheduled = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();
/** Plain values of fields that name nothing of an organization. */
const plainStrings: Readonly<Record<string, string>> = {
  name: "Sweep probe",
  roleName: "Sweep probe",
  description: "Sweep probe",
  note: "Sweep probe",
  search: "sweep",
  text: "sweep",
  confirmName: "Sweep probe",
  password: "sweep-not-the-password",
  language: "en",
  key: "sweep-key",
  token: "sweep-made-up-token-000000000000000000000000",
  targetKind: "user",
  expiresAt: future,
  scheduledFor: scheduled,
  from: "2020-01-01T00:00:00.000Z",
  to: future,
};
const plainNumbers: Readonly<Record<string, number>> = { limit: 10, expiresInDays: 7 };
/** Optional plain fields the sweep leaves out (paging cursors and filters). */
const scopeKeys: ReadonlySet<string> = new Set([...placeKeys, "attrs"]);

const productOf = (assignment: Assignment) => products.find((p) => p.id === assignment.place.values.product);
const actionOf = (assignment: Assignment) =>
  productOf(assignment)?.actions[0]?.id ?? "admin-center:user.view";
const systemRoleOf = (assignment: Assignment) =>
  productOf(assignment)?.roles[0]?.id ?? "admin-center:super-admin";

const isScope = (schema: JsonSchema): boolean => {
  const keys = Object.keys(schema.properties ?? {});
  return (
    keys.length > 0 &&
    keys.every((k) => scopeKeys.has(k)) &&
    (keys.includes("org") || keys.includes("product"))
  );
};

/** Every combination of one alternative per field (only union inputs have more than one). */
const combine = (fields: ReadonlyArray<readonly [string, ReadonlyArray<Built>]>): ReadonlyArray<Built> =>
  fields.reduce<ReadonlyArray<Record<string, Built>>>(
    (acc, [key, alternatives]) =>
      acc.flatMap((partial) =>
        alternatives.map((value) => (value === undefined ? partial : { ...partial, [key]: value })),
      ),
    [{}],
  );

interface Walk {
  readonly procedure: Procedure;
  readonly assignment: Assignment;
  readonly uses: Uses;
}

const resolve = (schema: JsonSchema, walk: Walk): JsonSchema => {
  if (schema.$ref === undefined) return schema;
  const found = walk.procedure.definitions[schema.$ref.split("/").pop() ?? ""];
  if (found === undefined) throw new CannotBuild(`${walk.procedure.path}: unresolved ${schema.$ref}`);
  return found;
};

const objectValue = (kind: ObjectKind, walk: Walk): string | typeof missing => {
  walk.uses.objects.add(kind);
  return walk.assignment.objects[kind] ?? missing;
};

const placeValue = (key: PlaceKey, walk: Walk): string | undefined => {
  walk.uses.place = true;
  return walk.assignment.place.values[key];
};

/** A scope object: the place's keys down to its depth (only the keys the schema has). */
const scope = (schema: JsonSchema, walk: Walk): Built => {
  const out: Record<string, string> = {};
  for (const [i, key] of placeKeys.entries()) {
    if (i >= walk.assignment.place.depth || !(key in (schema.properties ?? {}))) continue;
    const value = placeValue(key, walk);
    if (value === undefined) return missing;
    out[key] = value;
  }
  walk.uses.place = true;
  return out;
};

/** checkTable's `checks` asking one question: indexes 0, 0 and -1, packed. */
const packedQuestion = Buffer.from(Int16Array.from([0, 0, -1]).buffer).toString("base64");

/** checkTable's ids: the place's keys down to its depth, in order (its one path names them all). */
const placeIds = (walk: Walk): Built => {
  const ids: string[] = [];
  for (const key of placeKeys.slice(0, walk.assignment.place.depth)) {
    const value = placeValue(key, walk);
    if (value === undefined) return missing;
    ids.push(value);
  }
  return ids;
};

/** A string field named `name` (inside `parent`), required or not; undefined leaves it out. */
const stringField = (name: string, parent: string, required: boolean, walk: Walk): Built => {
  const { procedure, assignment } = walk;
  if (name === "id") {
    const kind = parent === "subject" ? "user" : idKinds[procedure.path.split(".")[0] ?? ""];
    if (kind === undefined) throw new CannotBuild(`${procedure.path}: which object does "id" name?`);
    if (kind === "systemRole") return systemRoleOf(assignment);
    if ((placeKeys as ReadonlyArray<string>).includes(kind))
      return placeValue(kind as PlaceKey, walk) ?? missing;
    return objectValue(kind as ObjectKind, walk);
  }
  // checkTable's packed indexes: one question, the first action on the first path, no attrs.
  if (name === "checks") return packedQuestion;
  const objectKind = objectFields[name];
  if (objectKind !== undefined) return objectValue(objectKind, walk);
  const placeKey = placeFields[name];
  if (placeKey !== undefined) return placeValue(placeKey, walk) ?? (required ? missing : undefined);
  if (name === "role") {
    walk.uses.objects.add("customRole");
    return assignment.customRoleInRoles
      ? (assignment.objects.customRole ?? missing)
      : systemRoleOf(assignment);
  }
  if (name === "action" || name === "actions" || name === "permission" || name === "permissions") {
    walk.uses.place = true;
    return actionOf(assignment);
  }
  if (name === "procedure")
    throw new CannotBuild(
      `${procedure.path}: "${parent}.procedure" names another procedure: a meta-procedure the sweep must list (meta.ts)`,
    );
  const plain = plainStrings[name];
  if (plain !== undefined) return required ? plain : undefined;
  if (!required) return undefined;
  throw new CannotBuild(`${procedure.path}: no value for the required field "${parent}.${name}"`);
};

/** The alternatives for one field (several only under a union). */
const field = (
  schema: JsonSchema,
  name: string,
  parent: string,
  required: boolean,
  walk: Walk,
): ReadonlyArray<Built> => {
  const s = resolve(schema, walk);
  if (s.anyOf !== undefined) {
    const branches = s.anyOf.filter((b) => b.type !== "null");
    if (branches.length === 1 && branches[0] !== undefined)
      return field(branches[0], name, parent, required, walk);
    return branches.flatMap((b) => field(b, name, parent, required, walk));
  }
  if (s.enum !== undefined) return [required ? s.enum[0] : undefined];
  switch (s.type) {
    case "object":
      if (isScope(s)) return [scope(s, walk)];
      if (s.properties === undefined || Object.keys(s.properties).length === 0)
        return [required ? {} : undefined];
      return object(s, name, walk);
    case "array": {
      if (s.items === undefined) throw new CannotBuild(`${walk.procedure.path}: ${name} has no item schema`);
      // checkTable: the place's keys as its ids, and one path naming them in order.
      if (name === "ids") return [placeIds(walk)];
      if (name === "paths") return [[Array.from({ length: walk.assignment.place.depth }, (_, i) => i)]];
      const items = field(s.items, name, parent, true, walk);
      return required ||
        objectFields[name] !== undefined ||
        name === "checks" ||
        name === "actions" ||
        name === "scopes"
        ? items.map((item) => (item === missing ? missing : [item]))
        : [undefined];
    }
    case "string":
      return [stringField(name, parent, required, walk)];
    case "integer":
    case "number":
      if (name === "version") return [missing]; // filled by the object from its id (object below)
      return [plainNumbers[name] ?? (required ? 1 : undefined)];
    case "boolean":
      return [required ? false : undefined];
    case "null":
      // A procedure declaring "no input" sends none.
      return [name === "" ? undefined : null];
    default:
      throw new CannotBuild(`${walk.procedure.path}: cannot fill "${name}" of type ${String(s.type)}`);
  }
};

const object = (schema: JsonSchema, name: string, walk: Walk): ReadonlyArray<Built> => {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([key, child]) => [key, field(child, key, name, required.has(key), walk)] as const,
  );
  // A grant gives a role or one permission, never both: each is swept alone.
  const both = ["role", "permission"].every((k) => k in (schema.properties ?? {}) && !required.has(k));
  const alternatives = both
    ? combine(fields).flatMap((built) => {
        const { role, permission, ...rest } = built as Record<string, Built>;
        return [
          { ...rest, role },
          { ...rest, permission },
        ];
      })
    : combine(fields);
  return alternatives.map((built) => {
    const value = built as Record<string, Built>;
    if ("version" in (schema.properties ?? {})) {
      const id = value.id;
      if (id === missing) return missing;
      if (typeof id !== "string") throw new CannotBuild(`${walk.procedure.path}: a version without an id`);
      value.version = walk.assignment.versionOf(id);
    }
    return Object.values(value).some((v) => v === missing || (Array.isArray(v) && v.includes(missing)))
      ? missing
      : value;
  });
};

/** The procedure's inputs under `assignment` (several for a union), and what they use; none when one is missing. */
export const buildInputs = (
  procedure: Procedure,
  assignment: Assignment,
): { inputs: ReadonlyArray<unknown>; uses: Uses } => {
  const uses: Uses = { place: false, objects: new Set() };
  if (procedure.input === undefined) return { inputs: [undefined], uses };
  const walk = { procedure, assignment, uses };
  const built = field(procedure.input, "", "", true, walk);
  return { inputs: built.filter((b) => b !== missing), uses };
};
