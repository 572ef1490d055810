// The public vocabulary: products, their actions and their system roles, as the UIs render them.
// Read-only and the same for everyone (it is the documented model, not anyone's data).
import { Id, inputSchema } from "@gatehouse/contracts";
import { featureRoles, noCustomRoles, products, webRoleMatrix } from "@gatehouse/domain";
import { Schema } from "effect";
import { publicAccess } from "../authorize.ts";
import { nothing } from "../refusals.ts";
import { router } from "../trpc.ts";
import { servedActions } from "./served-actions.ts";

const productView = products.map((p) => ({
  id: p.id,
  label: p.label,
  customRoles: p.customRoles,
  /** Why the product has no custom roles (the domain's words), or null. */
  noCustomRoles: noCustomRoles(p) ?? null,
  /** The product that administers the others (it confers the admin levels): Admin Center. */
  administers: p.adminLevels !== undefined,
  /** Each action once (option values and keys are its id), with its words per platform. */
  actions: servedActions(p),
  roles: p.roles.map((r) => ({
    id: r.id,
    label: r.label,
    description: r.description,
    actions: [...new Set(r.permissions.map((x) => x.action))],
  })),
}));

/** Seed 004's Access by collaborator role table, asked of the engine once (the catalog is fixed while it runs). */
const webMatrix = webRoleMatrix();

const RoleQuery = Schema.Struct({ id: Id });

/** The documented vocabulary, the same for everyone: nobody's data. */
const vocabulary = publicAccess("the catalog is the documented model, the same for everyone");

export const catalogRouter = router({
  products: vocabulary.query(() => productView),
  /** The Feature project's roles: the default environment and flag roles each gives, and which are locked. */
  featureRoles: vocabulary.query(() => featureRoles),
  /** The Web project roles × actions table (seed 004), each cell the engine's answer with its footnotes. */
  webRoleMatrix: vocabulary.query(() => webMatrix),
  role: vocabulary.input(inputSchema(RoleQuery)).query(({ input }) => {
    for (const p of productView) {
      const role = p.roles.find((r) => r.id === input.id);
      if (role) return { ...role, product: p.id };
    }
    throw nothing(`No system role ${input.id}`);
  }),
});
