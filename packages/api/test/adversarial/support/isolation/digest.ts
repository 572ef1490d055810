// A fingerprint of everything one organization holds, to prove a sweep changed nothing of the organization it
// attacked. Sign-in bookkeeping (last login, last key use) is left out: it is not the organization's data.

type Rows = <A extends object>(statement: string) => Promise<ReadonlyArray<A>>;

/** One statement per table: the organization's rows as JSON text. */
const tables = (org: string): ReadonlyArray<string> => {
  const o = `'${org.replaceAll("'", "''")}'`;
  const projects = `(select id from projects where org = ${o})`;
  return [
    `select to_jsonb(t) as row from organizations t where id = ${o}`,
    `select to_jsonb(t) as row from organization_products t where org = ${o}`,
    `select to_jsonb(t) as row from instances t where org = ${o}`,
    `select to_jsonb(t) as row from projects t where org = ${o}`,
    `select to_jsonb(t) as row from environments t where project in ${projects}`,
    `select to_jsonb(t) as row from flags t where project in ${projects}`,
    `select to_jsonb(t) as row from flag_environment_states t where project in ${projects}`,
    `select to_jsonb(t) as row from audiences t where project in ${projects}`,
    `select to_jsonb(t) as row from audience_uses t where project in ${projects}`,
    `select to_jsonb(t) - 'last_login_at' - 'updated_at' - 'version' as row from users t where org = ${o}`,
    `select to_jsonb(t) as row from groups t where org = ${o}`,
    `select to_jsonb(t) as row from group_members t where group_id in (select id from groups where org = ${o})`,
    `select to_jsonb(t) as row from roles t where org = ${o}`,
    `select to_jsonb(t) as row from role_permissions t where role in (select id from roles where org = ${o})`,
    `select to_jsonb(t) as row from grants t where org = ${o}`,
    `select to_jsonb(t) as row from invitations t where org = ${o}`,
    `select to_jsonb(t) as row from access_requests t where customer_org = ${o}`,
    `select to_jsonb(t) - 'last_used_at' as row from api_keys t where org = ${o}`,
    `select to_jsonb(t) as row from operations t where org = ${o}`,
  ];
};

/** The organization's rows, sorted, as one string (equal strings: nothing changed). */
export const digest = async (
  rows: Rows,
  org: string,
  without: ReadonlyArray<string> = [],
  /** Tables read by their rows' ids only: rows the server itself moves on meanwhile (operations run). */
  idsOnly: ReadonlyArray<string> = [],
): Promise<string> => {
  const parts: string[] = [];
  const named = (statement: string, tables: ReadonlyArray<string>) =>
    tables.some((table) => statement.includes(` from ${table} `));
  for (const statement of tables(org).filter((t) => !named(t, without))) {
    const read = named(statement, idsOnly)
      ? statement.replace(/^select .* as row from/, "select jsonb_build_object('id', t.id) as row from")
      : statement;
    const found = await rows<{ row: unknown }>(read);
    parts.push(
      found
        .map((r) => JSON.stringify(r.row))
        .sort()
        .join("\n"),
    );
  }
  return parts.join("\n--\n");
};
