// The history's filters: the customer (among those the user reaches), one of its instances or all, and a
// status or any; each change is kept in the address (?customer=…&instance=…&status=…).
import type { RouterOutputs } from "@gatehouse/client";
import { Group, Select } from "@mantine/core";
import { type OperationStatus, statuses, statusLabel } from "./operation-words.ts";

type Customer = RouterOutputs["missionControl"]["customers"][number];
type Instance = RouterOutputs["missionControl"]["instances"][number];

export interface HistoryFilterValues {
  readonly customer: string;
  readonly instance: string | undefined;
  readonly status: OperationStatus | undefined;
}

export interface HistoryFiltersProps {
  readonly values: HistoryFilterValues;
  readonly customers: ReadonlyArray<Customer>;
  readonly instances: ReadonlyArray<Instance> | undefined;
  readonly onChange: (values: HistoryFilterValues) => void;
}

const all = "";
const statusOptions = [
  { value: all, label: "Any status" },
  ...statuses.map((status) => ({ value: status, label: statusLabel[status] })),
];
const isStatus = (value: string): value is OperationStatus =>
  (statuses as ReadonlyArray<string>).includes(value);

export const HistoryFilters = ({ values, customers, instances, onChange }: HistoryFiltersProps) => (
  <Group align="flex-end">
    <Select
      label="Customer"
      data={customers.map((c) => ({ value: c.org, label: c.name }))}
      value={values.customer}
      onChange={(customer) =>
        onChange({ customer: customer ?? values.customer, instance: undefined, status: values.status })
      }
      allowDeselect={false}
    />
    <Select
      label="Instance"
      data={[
        { value: all, label: "All instances" },
        ...(instances ?? []).map((i) => ({ value: i.id, label: i.name })),
      ]}
      value={values.instance ?? all}
      disabled={instances === undefined}
      onChange={(instance) =>
        onChange({ ...values, instance: instance === null || instance === all ? undefined : instance })
      }
      allowDeselect={false}
    />
    <Select
      label="Status"
      data={statusOptions}
      value={values.status ?? all}
      onChange={(status) =>
        onChange({ ...values, status: status !== null && isStatus(status) ? status : undefined })
      }
      allowDeselect={false}
    />
  </Group>
);
