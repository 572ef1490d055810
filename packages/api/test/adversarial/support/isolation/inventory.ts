// Every object of one organization, read from the database after the world is built: the ids, names and emails
// a leak would show (by kind, with counts for the figures), and one object of each kind the sweep names in inputs.

type Rows = <A extends object>(statement: string) => Promise<ReadonlyArray<A>>;

/** One object the sweep puts in an input: its id and, for versioned rows, its version. */
export interface Ref {
  readonly id: string;
  readonly version: number;
}

export interface Inventory {
  readonly org: string;
  /** Every id, name and email of the organization's objects, by kind (audit rows: ids only). */
  readonly values: ReadonlyMap<string, ReadonlyArray<string>>;
  /** One object per kind: user, email, group, grant, customRole, invitation, operation, accessRequest, apiKey, audience. */
  readonly objects: ReadonlyMap<string, Ref>;
  /** The organization's places by id: instances (with product), projects, environments, flags. */
  readonly places: ReadonlyMap<string, Ref>;
  /** The organization's version (organizations.setProducts). */
  readonly version: number;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Reads `org`'s objects; `superAdmin` is the user put in subject and user fields. */
export const inventory = async (rows: Rows, org: string, superAdmin: string): Promise<Inventory> => {
  const o = q(org);
  const queries: ReadonlyArray<readonly [string, string]> = [
    ["organization", `select id, name, version from organizations where id = ${o}`],
    ["user", `select id, email, name, version from users where org = ${o} order by id`],
    ["group", `select id, name, description, version from groups where org = ${o} order by id`],
    ["grant", `select id, version from grants where org = ${o} order by id`],
    ["customRole", `select id, name, description, version from roles where org = ${o} order by id`],
    ["invitation", `select id, email, name, version from invitations where org = ${o} order by id`],
    ["instance", `select id, name, version from instances where org = ${o} order by id`],
    ["project", `select id, name, version from projects where org = ${o} order by id`],
    [
      "environment",
      `select e.id, e.name, e.version from environments e join projects p on p.id = e.project where p.org = ${o} order by e.id`,
    ],
    [
      "flag",
      `select f.id, f.name, f.version from flags f join projects p on p.id = f.project where p.org = ${o} order by f.id`,
    ],
    [
      "audience",
      `select a.id, a.key, a.name, a.version from audiences a join projects p on p.id = a.project where p.org = ${o} order by a.id`,
    ],
    ["operation", `select id, 1 as version from operations where org = ${o} order by id`],
    ["accessRequest", `select id, note, version from access_requests where customer_org = ${o} order by id`],
    ["apiKey", `select id, name, prefix, version from api_keys where org = ${o} order by id`],
    ["audit", `select id::text as id, 1 as version from audit_log where org = ${o} order by id`],
  ];
  const values = new Map<string, string[]>();
  const byKind = new Map<string, ReadonlyArray<Record<string, unknown>>>();
  for (const [kind, statement] of queries) {
    const found = await rows<Record<string, unknown>>(statement);
    byKind.set(kind, found);
    values.set(
      kind,
      found.flatMap((r) =>
        Object.entries(r)
          .filter(([k, v]) => k !== "version" && typeof v === "string" && v !== "")
          .map(([, v]) => String(v)),
      ),
    );
  }
  const ref = (r: Record<string, unknown> | undefined): Ref | undefined =>
    r === undefined ? undefined : { id: String(r.id), version: Number(r.version) };
  const first = (kind: string, where: (r: Record<string, unknown>) => boolean = () => true) =>
    ref(byKind.get(kind)?.find(where));
  const objects = new Map<string, Ref>();
  const put = (kind: string, found: Ref | undefined) => {
    if (found !== undefined) objects.set(kind, found);
  };
  const admin = first("user", (r) => r.id === superAdmin);
  put("user", admin);
  const adminRow = byKind.get("user")?.find((r) => r.id === superAdmin);
  if (adminRow !== undefined) objects.set("email", { id: String(adminRow.email), version: 1 });
  put(
    "group",
    first("group", (r) => String(r.name).endsWith("support team")),
  );
  put(
    "grant",
    first("grant", (r) => String(r.id).startsWith(`${superAdmin}-`)),
  );
  put("customRole", first("customRole"));
  put("invitation", first("invitation"));
  put("operation", first("operation"));
  put("accessRequest", first("accessRequest"));
  put("apiKey", first("apiKey"));
  put("audience", first("audience"));
  const places = new Map<string, Ref>();
  for (const kind of ["instance", "project", "environment", "flag"])
    for (const r of byKind.get(kind) ?? [])
      places.set(String(r.id), { id: String(r.id), version: Number(r.version) });
  return { org, values, objects, places, version: Number(byKind.get("organization")?.[0]?.version ?? 1) };
};
