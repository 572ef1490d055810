// The bulk-invite CSV: one invitee per line, `email,name,role,scope[,language]`, an optional header line, and
// double quotes around a field that holds a comma (read by papaparse). `scope` is a path below the organization:
// `product`, `product/instance` or `product/instance/project`; `role` is a role id or the name of one of the
// scope product's roles (or an Admin Center role), case-insensitively. Only the line's shape is checked here:
// whether the role, the place and the admin's right to give it hold, the server answers per row (bulk-checks.ts).

import { Email, isLanguage, type Language, languageTags } from "@gatehouse/contracts";
import { Schema } from "effect";
import Papa from "papaparse";

export interface BulkRow {
  readonly line: number;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly scopeText: string;
  readonly language: Language;
  readonly scope?: { readonly product: string; readonly instance?: string; readonly project?: string };
  /** Why the row cannot be sent; undefined when it is ready. */
  readonly problem?: string;
}

export const csvExample = [
  "email,name,role,scope,language",
  "ada@acme.example,Ada Lovelace,cms:content-editors,cms/acme-cms,en",
  '"grace@acme.example","Hopper, Grace",Viewer,experimentation/acme-exp/acme-checkout',
].join("\n");

const validEmail = Schema.is(Email);

const scopeOf = (text: string): BulkRow["scope"] => {
  const [product, instance, project, ...rest] = text.split("/").map((s) => s.trim());
  if (product === undefined || product === "" || rest.length > 0) return undefined;
  if (instance === "" || project === "") return undefined;
  return {
    product,
    ...(instance === undefined ? {} : { instance }),
    ...(project === undefined ? {} : { project }),
  };
};

export interface KnownRole {
  readonly id: string;
  readonly name: string;
  readonly product: string;
}

/**
 * The id of the role `text` names: an id, or a name of `product`'s roles or of the roles of a product that
 * administers the others (`administering`, served by the catalog).
 */
const resolveRole = (
  text: string,
  product: string | undefined,
  roles: ReadonlyArray<KnownRole>,
  administering: ReadonlySet<string>,
) =>
  roles.find((r) => r.id === text)?.id ??
  roles.find(
    (r) =>
      (r.product === product || administering.has(r.product)) && r.name.toLowerCase() === text.toLowerCase(),
  )?.id;

/**
 * Parses pasted CSV into rows, resolving role names to ids and marking what cannot be sent as typed: a malformed
 * email, an email given twice, a scope that is not a path. An unresolved role goes to the server as typed.
 */
export const parseBulkCsv = (
  text: string,
  roles: ReadonlyArray<KnownRole>,
  administering: ReadonlySet<string>,
): ReadonlyArray<BulkRow> => {
  const seen = new Set<string>();
  const rows: BulkRow[] = [];
  const records = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  for (const [index, record] of records.entries()) {
    if (record.every((field) => field.trim() === "")) continue;
    const [email = "", name = "", roleText = "", scopeText = "", language = ""] = record.map((f) => f.trim());
    if (rows.length === 0 && email.toLowerCase() === "email") continue;
    const scope = scopeOf(scopeText);
    const role = resolveRole(roleText, scope?.product, roles, administering);
    const key = email.toLowerCase();
    const tag = language === "" ? "en" : language;
    const problem = !validEmail(email)
      ? "not an email address"
      : seen.has(key)
        ? "this email is already on an earlier line"
        : scope === undefined
          ? `scope "${scopeText}" is not product[/instance[/project]]`
          : roleText === ""
            ? "no role: give a role name or id"
            : !isLanguage(tag)
              ? `language "${tag}" is not one of ${languageTags.join(", ")}`
              : undefined;
    seen.add(key);
    rows.push({
      line: index + 1,
      email,
      name,
      role: role ?? roleText,
      scopeText,
      language: isLanguage(tag) ? tag : "en",
      ...(scope === undefined ? {} : { scope }),
      ...(problem === undefined ? {} : { problem }),
    });
  }
  return rows;
};
