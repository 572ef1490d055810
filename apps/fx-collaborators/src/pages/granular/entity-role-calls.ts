// The one call each choice of an entity role select makes (create, update or remove the collaborator's explicit
// grant at the scope), and the server's `may` answer for each, so every option is offered only as the call allows.
import { type Resource, useMayEach } from "@gatehouse/client";
import type { GrantRow } from "./entity-grants.ts";

/** "default" removes the explicit grant; any other choice is a role id. */
export const DEFAULT = "default";

export type EntityRoleCall =
  | {
      readonly procedure: "grants.create";
      readonly input: {
        readonly subject: { readonly kind: "user"; readonly id: string };
        readonly role: string;
        readonly scope: Resource;
      };
    }
  | {
      readonly procedure: "grants.update";
      readonly input: { readonly id: string; readonly version: number; readonly role: string };
    }
  | {
      readonly procedure: "grants.remove";
      readonly input: { readonly id: string; readonly version: number };
    };

/** The call choosing `choice` makes for `user` at `scope` given its explicit grant there; undefined: nothing. */
export const callFor = (
  user: string,
  scope: Resource,
  current: GrantRow | undefined,
  choice: string,
): EntityRoleCall | undefined => {
  if (choice === DEFAULT)
    return current === undefined
      ? undefined
      : { procedure: "grants.remove", input: { id: current.id, version: current.version } };
  if (current === undefined)
    return {
      procedure: "grants.create",
      input: { subject: { kind: "user", id: user }, role: choice, scope },
    };
  if (current.role === choice) return undefined;
  return { procedure: "grants.update", input: { id: current.id, version: current.version, role: choice } };
};

/** What the server answers for each choice's call: allowed, refused with its reason, or undefined (loading). */
export type ChoiceAnswer =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string }
  | undefined;

/** `may` for each call (the client's useMayEach); no call is allowed, as choosing it changes nothing. */
export const useChoiceAnswers = (
  calls: ReadonlyArray<EntityRoleCall | undefined>,
): ReadonlyArray<ChoiceAnswer> =>
  useMayEach(calls).map((answer, i): ChoiceAnswer => {
    if (calls[i] === undefined) return { allowed: true };
    if (answer === undefined) return undefined;
    return answer.allowed ? { allowed: true } : { allowed: false, reason: answer.reason };
  });
