// The Admin Center's sections and the engine question that offers each (seed 001: what each admin level has
// access to): may the subject do the section's action at its organization, or somewhere inside it.
import type { Scope } from "../model/scope.ts";

export type AdminSection =
  | "products"
  | "projects"
  | "users"
  | "groups"
  | "roles"
  | "invitations"
  | "access-requests"
  | "access-matrix"
  | "audit";

/** Where a section's action must be allowed: at the organization itself, or at some place inside it. */
type Where = "organization" | "somewhere";

/** Each section in navigation order, with the question that offers it (all of `ask` must be allowed). */
const sections: ReadonlyArray<{
  readonly id: AdminSection;
  readonly ask: ReadonlyArray<{ readonly action: string; readonly where: Where; readonly allowed?: false }>;
}> = [
  // Super, product and instance admins: "products … instances".
  { id: "products", ask: [{ action: "admin-center:instance.view", where: "somewhere" }] },
  // Project owners, who see no instance: "access to all Experimentation projects for your organization".
  {
    id: "projects",
    ask: [
      { action: "admin-center:user.view", where: "somewhere" },
      { action: "admin-center:instance.view", where: "somewhere", allowed: false },
    ],
  },
  // Everyone of the organization (and below it, every place opens its own users).
  { id: "users", ask: [{ action: "admin-center:user.view", where: "organization" }] },
  // Product admins: "access to products, groups, and roles".
  { id: "groups", ask: [{ action: "admin-center:group.manage", where: "somewhere" }] },
  { id: "roles", ask: [{ action: "admin-center:role.view", where: "somewhere" }] },
  { id: "invitations", ask: [{ action: "admin-center:user.invite", where: "somewhere" }] },
  // Partner organizations' requests are answered for the whole organization.
  { id: "access-requests", ask: [{ action: "admin-center:user.view", where: "organization" }] },
  // Who holds what across a whole product.
  { id: "access-matrix", ask: [{ action: "admin-center:product.view", where: "somewhere" }] },
  // The audit log shows the part of the organization each admin level administers.
  { id: "audit", ask: [{ action: "admin-center:user.view", where: "somewhere" }] },
];

/** The engine questions sections are answered from, for one subject. */
export interface SectionQuestions {
  /** May the subject do `action` at `scope`? */
  readonly allows: (action: string, scope: Scope) => boolean;
  /** May the subject do `action` at some place of `org` (where one of its grants in force sits)? */
  readonly allowsSomewhere: (action: string, org: string) => boolean;
}

/** The sections the subject may use in `org`, in navigation order. */
export const sectionsOf = (org: string, questions: SectionQuestions): ReadonlyArray<AdminSection> =>
  sections
    .filter(({ ask }) =>
      ask.every(({ action, where, allowed = true }) => {
        const answer =
          where === "organization"
            ? questions.allows(action, { org })
            : questions.allowsSomewhere(action, org);
        return answer === allowed;
      }),
    )
    .map(({ id }) => id);
