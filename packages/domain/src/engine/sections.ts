// The Admin Center's sections and the engine question that offers each (seed 001: what each admin level has
// access to): may the subject do the section's action at its organization, or somewhere inside it.
import type { Scope } from "../model/scope.ts";
import { readsAccessRequests } from "../rules/access-request-readers.ts";

export type AdminSection =
  | "products"
  | "projects"
  | "users"
  | "groups"
  | "roles"
  | "invitations"
  | "access-requests"
  | "access-matrix"
  | "audit"
  | "api-keys";

/** Where a section's action must be allowed: at the organization itself, or at some place inside it. */
type Where = "organization" | "somewhere";

type Question = { readonly action: string; readonly where: Where; readonly allowed?: false };

/**
 * Each section in navigation order, with the questions that offer it (all of `ask` must be allowed), or the rule
 * of the domain its list is read by (`readers`).
 */
const sections: ReadonlyArray<
  { readonly id: AdminSection } & (
    | { readonly ask: ReadonlyArray<Question> }
    | { readonly readers: (questions: SectionQuestions, org: string) => boolean }
  )
> = [
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
  // Partner organizations' requests: read by who views the organization's people, or decides some of them.
  { id: "access-requests", readers: readsAccessRequests },
  // Who holds what across a whole product.
  { id: "access-matrix", ask: [{ action: "admin-center:product.view", where: "somewhere" }] },
  // The audit log shows the part of the organization each admin level administers.
  { id: "audit", ask: [{ action: "admin-center:user.view", where: "somewhere" }] },
  // The organization's API keys are the super admin's (the action apiKeys.* ask).
  { id: "api-keys", ask: [{ action: "admin-center:org.manage", where: "organization" }] },
];

/** The engine questions sections are answered from, for one subject. */
export interface SectionQuestions {
  /** May the subject do `action` at `scope`? */
  readonly allows: (action: string, scope: Scope) => boolean;
  /** May the subject do `action` at some place of `org` (where one of its grants in force sits)? */
  readonly allowsSomewhere: (action: string, org: string) => boolean;
  /** May the subject do `action` at `scope` or at some place inside it? */
  readonly allowsWithin: (action: string, scope: Scope) => boolean;
}

const answered = (org: string, questions: SectionQuestions, { action, where }: Question): boolean =>
  where === "organization" ? questions.allows(action, { org }) : questions.allowsSomewhere(action, org);

/** The sections the subject may use in `org`, in navigation order. */
export const sectionsOf = (org: string, questions: SectionQuestions): ReadonlyArray<AdminSection> =>
  sections
    .filter((section) =>
      "readers" in section
        ? section.readers(questions, org)
        : section.ask.every((question) => answered(org, questions, question) === (question.allowed ?? true)),
    )
    .map(({ id }) => id);
