// CSV exports of what the Admin Center lists: a place's users with product, instance and role, and the audit log.
// Each asks exactly what its on-screen list asks (the same declaration) and reads the same pages, to a bound.
import { AuditExportInput, UserExportInput } from "@gatehouse/contracts";
import { type DirectoryUser, defaultUserSort, type GrantRecord, Grants } from "@gatehouse/store";
import { authorizedQuery } from "../authorize.ts";
import { allPages } from "../exports/all-pages.ts";
import { auditCsvHeader, auditCsvRow } from "../exports/audit-csv.ts";
import { MAX_EXPORT_ROWS, toCsv } from "../exports/csv.ts";
import { touches, userCsvHeader, userCsvRows } from "../exports/users-csv.ts";
import { auditNamer } from "../names/audit-names.ts";
import { placeNamer } from "../names/place-names.ts";
import { router } from "../trpc.ts";
import { auditPage, reading as readingAudit } from "./audit.ts";
import { directoryPage, reading as readingUsers } from "./users.ts";

// Rules: docs/decisions.md#exports (the same questions and filters as the lists; bounded; formulas defused).

/** A CSV file as the app downloads it: its name, its text, its rows and whether the bound cut it. */
const file = (name: string, csv: string, rows: number, truncated: boolean) => ({
  name,
  csv,
  rows,
  truncated,
});

export const exportsRouter = router({
  /** The users `users.list` lists for this input (every page), one row per role they hold at the place. */
  users: authorizedQuery(UserExportInput, (input) =>
    readingUsers(input.org, { org: input.org, ...input.scope }),
  ).query(async ({ ctx, input }) => {
    const sort = input.sort ?? defaultUserSort;
    const place = { org: input.org, ...input.scope };
    const { items: users, truncated } = await allPages<DirectoryUser, DirectoryUser["position"]>(
      (after, limit) => ctx.store.run(directoryPage(input, sort, after, limit)),
      (last) => last.position,
      MAX_EXPORT_ROWS,
    );
    const grants = (await ctx.store.run(Grants.use((g) => g.list({ org: input.org })))).filter((g) =>
      touches(place, g),
    );
    const byUser = new Map<string, GrantRecord[]>();
    for (const g of grants)
      if (g.subject.kind === "user") byUser.set(g.subject.id, [...(byUser.get(g.subject.id) ?? []), g]);
    const places = await placeNamer(
      ctx.store,
      grants.map((g) => g.scope),
      input.org,
    );
    const rows = users
      .flatMap((u) => userCsvRows(u, byUser.get(u.id) ?? [], ctx.engine, places))
      .slice(0, MAX_EXPORT_ROWS);
    return file(`users-${input.org}.csv`, toCsv(userCsvHeader, rows), rows.length, truncated);
  }),

  /** The entries `audit.list` lists with these filters and order (every page), by name where the reader may see. */
  audit: authorizedQuery(AuditExportInput, readingAudit).query(async ({ ctx, input }) => {
    const { items: entries, truncated } = await allPages(
      (after: string | undefined, limit) => ctx.store.run(auditPage(input, ctx.declared, after, limit)),
      (last) => last.id,
      MAX_EXPORT_ROWS,
    );
    const names = await auditNamer(ctx.store, ctx.engine, ctx.actor, entries);
    const rows = entries.map((e) => auditCsvRow(e, names(e)));
    return file(`audit-${input.org}.csv`, toCsv(auditCsvHeader, rows), rows.length, truncated);
  }),
});
