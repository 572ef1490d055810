// Where a custom role may be granted: in its own organization, and inside the instance it was created for (its
// projects included), as the seeds associate a custom role with one product instance. Decided before authority.
import type { Scope } from "@gatehouse/domain";
import { Roles } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";

/** BAD_REQUEST naming `field` when `role` is a custom role that cannot be granted at `scope`; else nothing. */
export const checkCustomRolePlacement = async (
  store: Store,
  role: string,
  scope: Scope,
  field = "role",
): Promise<void> => {
  const found = await store.run(
    Effect.option(Effect.flatMap(Effect.service(Roles), (roles) => roles.get(role))),
  );
  // Unknown roles are the engine's to refuse; system roles follow the catalog's levels.
  if (Option.isNone(found) || found.value.type === "system") return;
  const custom = found.value;
  const refuse = (message: string) => {
    throw new TRPCError({ code: "BAD_REQUEST", message: `${field}: ${message}` });
  };
  if (custom.org !== scope.org) refuse(`no custom role "${role}" in ${scope.org}`);
  if (custom.instance !== null && scope.instance !== custom.instance)
    refuse(
      `the custom role "${custom.name}" belongs to instance ${custom.instance}: it can be granted only there or on its projects`,
    );
};
