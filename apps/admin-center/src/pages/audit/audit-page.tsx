// Audit log (route /audit): the organization's entries, newest (or oldest) first, filtered by actor, action,
// target and time, keyset-paged, and exported as CSV with the same filters; what a lower admin level sees is what
// the server gives it.

import { useGatehouse, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { auditActionCode } from "@gatehouse/contracts";
import { Crumbs, CursorPager, EmptyState, QueryState, useCursorPages } from "@gatehouse/ui";
import { Group, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ExportButton } from "../export-button.tsx";
import { AuditEntries, type AuditOrder } from "./audit-entries.tsx";
import { AuditFiltersForm } from "./audit-filters-form.tsx";
import { type AuditQueryFilters, type FilterValues, noFilters } from "./filters-resolver.ts";
import { useActorId } from "./use-actor-id.ts";

const pageSize = 25;

export const AuditPage = () => {
  const org = useSignedInOrg() ?? "";
  return (
    <Stack>
      <Crumbs items={[{ label: "Admin Center", to: "/" }, { label: "Audit log" }]} />
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Text size="sm" c="dimmed">
        Every change made in your organization, newest first (sort by Time for the oldest first). Admins below
        super admin see the entries about the products, instances and projects they administer.
      </Text>
      {org === "" ? (
        <EmptyState title="No organization">The audit log belongs to an organization.</EmptyState>
      ) : (
        <AuditLog org={org} />
      )}
    </Stack>
  );
};

const AuditLog = ({ org }: { org: string }) => {
  const trpc = useTRPC();
  const client = useGatehouse();
  const [order, setOrder] = useState<AuditOrder>("newest");
  // Turning the order starts again from the first page.
  const pages = useCursorPages(order);
  const [form, setForm] = useState<FilterValues>(noFilters);
  const [filters, setFilters] = useState<AuditQueryFilters>({});
  const toActorId = useActorId(org);
  const [actorError, setActorError] = useState<string | undefined>(undefined);
  const apply = async (values: FilterValues, next: AuditQueryFilters) => {
    setForm(values);
    const lookup = next.actor === undefined ? undefined : await toActorId(next.actor);
    if (lookup !== undefined && "several" in lookup) {
      const emails = lookup.several.map((person) => person.email ?? "").filter((email) => email !== "");
      setActorError(
        `${lookup.several.length} people match "${next.actor}": type the email of one (${emails.join(", ")})`,
      );
      return;
    }
    setActorError(undefined);
    const actor = lookup === undefined ? {} : { actor: lookup.id };
    // An action typed or picked by its label is searched by its code (a code typed as such stays).
    const action = next.action === undefined ? {} : { action: auditActionCode(next.action) ?? next.action };
    setFilters({ ...next, ...actor, ...action });
    pages.reset();
  };
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({
      org,
      ...filters,
      order,
      limit: pageSize,
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <AuditFiltersForm
        values={form}
        actorError={actorError}
        onApply={(values, next) => void apply(values, next)}
      />
      <Group justify="flex-end">
        <ExportButton
          label="Export the log as CSV"
          load={() => client.exports.audit.query({ org, ...filters, order })}
        />
      </Group>
      <QueryState query={entries}>
        {(page) => (
          <>
            <AuditEntries
              entries={page.items}
              order={order}
              onOrderChange={setOrder}
              onActor={(actor) => void apply({ ...noFilters, actor }, { actor })}
              onTarget={(targetKind, targetId) =>
                void apply(
                  { ...noFilters, targetKind, targetId: targetId ?? "" },
                  targetId === null ? { targetKind } : { targetKind, targetId },
                )
              }
            />
            <CursorPager
              page={pages.page}
              nextCursor={page.nextCursor}
              onNext={pages.next}
              onPrevious={pages.previous}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
};
