// History of operations (route /history, narrowed by ?customer=…&instance=…&status=…): who ran what, when,
// and the outcome, per customer and per instance, newest first, keyset-paged, refreshed on every change.
import { errorCode, errorMessage, type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Crumb, Crumbs, CursorPager, EmptyState, QueryState, useCursorPages } from "@gatehouse/ui";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { HistoryFilters, type HistoryFilterValues } from "./history-filters.tsx";
import { statuses } from "./operation-words.ts";
import { OperationsTable } from "./operations-table.tsx";

type Customer = RouterOutputs["missionControl"]["customers"][number];

const pageSize = 25;
/**
 * A partner user does not hear the live stream of the customer's organization (changes reach the users of the
 * organization they happen in), so the history of a partner customer is asked again this often.
 */
const partnerPollMs = 5000;

/** Without ?customer, the first customer where the user holds a Mission Control role (else the first). */
const defaultCustomer = (customers: ReadonlyArray<Customer>): string =>
  (customers.find((c) => c.roles.length > 0) ?? customers[0])?.org ?? "";

const useFilters = (customers: ReadonlyArray<Customer>) => {
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get("status"));
  const values: HistoryFilterValues = {
    customer: params.get("customer") ?? defaultCustomer(customers),
    instance: params.get("instance") ?? undefined,
    status,
  };
  const set = (next: HistoryFilterValues) =>
    setParams({
      customer: next.customer,
      ...(next.instance === undefined ? {} : { instance: next.instance }),
      ...(next.status === undefined ? {} : { status: next.status }),
    });
  return [values, set] as const;
};

export const HistoryPage = () => {
  const trpc = useTRPC();
  const customers = useQuery(trpc.missionControl.customers.queryOptions());
  return (
    <Stack>
      {customers.data?.length === 0 ? <Crumbs items={[{ label: "History" }]} /> : null}
      <QueryState
        query={customers}
        empty={{
          title: "No Mission Control customer",
          hint: "You reach no organization in Mission Control, so there is no history to show.",
        }}
      >
        {(reached) => <History customers={reached} />}
      </QueryState>
    </Stack>
  );
};

const History = ({ customers }: { customers: ReadonlyArray<Customer> }) => {
  const trpc = useTRPC();
  const [filters, setFilters] = useFilters(customers);
  const { customer, instance, status } = filters;
  const pages = useCursorPages(filters);
  const reached = customers.find((c) => c.org === customer);
  const customerName = reached?.name ?? customer;
  const relation = reached?.relation;
  const instances = useQuery({
    ...trpc.missionControl.instances.queryOptions({ customer }),
    enabled: reached !== undefined,
  });
  const history = useQuery({
    ...trpc.operations.history.queryOptions({
      org: customer,
      limit: pageSize,
      ...(instance === undefined ? {} : { instance }),
      ...(status === undefined ? {} : { status }),
      ...(pages.cursor === undefined ? {} : { cursor: pages.cursor }),
    }),
    placeholderData: keepPreviousData,
    enabled: reached !== undefined,
    refetchInterval: relation === "partner" ? partnerPollMs : false,
  });
  const instanceName = (id: string) => instances.data?.find((i) => i.id === id)?.name ?? id;
  const crumbs: Array<Crumb> = [
    { label: "Customers", to: "/customers" },
    { label: customerName, to: `/customers/${customer}` },
    ...(instance === undefined
      ? []
      : [{ label: instanceName(instance), to: `/customers/${customer}/instances/${instance}` }]),
    { label: "History" },
  ];
  return (
    <>
      <Crumbs items={crumbs} />
      <Title order={1} size="h2">
        History of operations
      </Title>
      <Text size="sm" c="dimmed">
        {customerName}, {instance === undefined ? "all instances" : instanceName(instance)}: who ran what,
        when, and what came of it, newest first. Show a row's details for its status changes.
      </Text>
      <HistoryFilters
        values={filters}
        customers={customers}
        instances={instances.data}
        onChange={setFilters}
      />
      {reached === undefined ? (
        <EmptyState title={`No access to ${customer}`}>
          You reach no organization "{customer}" in Mission Control: choose one of your customers above, or{" "}
          <Anchor component={Link} to="/partner-access">
            request access
          </Anchor>
          .
        </EmptyState>
      ) : errorCode(history.error) === "FORBIDDEN" ? (
        // Refused (no role on any environment, or on this one): the server's words, and no retry that cannot help.
        <EmptyState title="No history to show">{errorMessage(history.error)}</EmptyState>
      ) : (
        <QueryState query={history}>
          {(page) => (
            <>
              <OperationsTable operations={page.items} instanceName={instanceName} />
              <CursorPager
                page={pages.page}
                nextCursor={page.next}
                onNext={pages.next}
                onPrevious={pages.previous}
              />
            </>
          )}
        </QueryState>
      )}
    </>
  );
};
