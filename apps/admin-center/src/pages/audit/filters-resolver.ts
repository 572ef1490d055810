// Validates the audit filter form with the API's own schema (`AuditFilters`): blank fields are left out,
// times are read in the browser's time zone and sent as ISO instants, and failures land on their field.

import type { RouterInputs } from "@gatehouse/client";
import { AuditFilters } from "@gatehouse/contracts";
import { Schema } from "effect";
import type { FieldErrors, Resolver } from "react-hook-form";

/** What the form holds: one string per filter, blank when unused. */
export interface FilterValues {
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  from: string;
  to: string;
}

export type AuditQueryFilters = Omit<RouterInputs["audit"]["list"], "org" | "cursor" | "limit">;

export const noFilters: FilterValues = {
  actor: "",
  action: "",
  targetKind: "",
  targetId: "",
  from: "",
  to: "",
};

const validate = Schema.toStandardSchemaV1(AuditFilters)["~standard"].validate;

export const filtersResolver: Resolver<FilterValues, unknown, AuditQueryFilters> = async (values) => {
  const present = Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ""),
  );
  const result = await validate(present);
  if (result.issues === undefined) {
    const { from, to, ...text } = result.value;
    return {
      values: {
        ...text,
        ...(from === undefined ? {} : { from: from.toISOString() }),
        ...(to === undefined ? {} : { to: to.toISOString() }),
      },
      errors: {},
    };
  }
  const errors: FieldErrors<FilterValues> = {};
  for (const issue of result.issues) {
    const field = issue.path?.[0];
    const key = typeof field === "object" ? field.key : field;
    if (typeof key === "string" && key in values)
      errors[key as keyof FilterValues] = { type: "schema", message: issue.message };
  }
  return { values: {}, errors };
};
