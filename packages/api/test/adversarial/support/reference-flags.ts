// The escalation search's oracle for flag statuses: who may move a Feature flag from one status to another,
// written from the spec's Feature tables and seed 003 (never from the engine under test).
import type { Scope } from "@gatehouse/domain";
import { covers, type HeldGrant } from "./reference-delegation.ts";

/*
 * Rules (spec = shared/spec/permission-model.md "Feature projects" and "Granular roles"; seed 003):
 * F1 editing a flag (`flag.edit`) takes editor or above on the project (seed 003 "Flags (create, edit,
 *    archive)": viewer no) and a flag role that holds flag actions: flag-admin or flag-editor, explicit at the
 *    flag or by default (administrator, project owner → flag-admin; publisher, editor → flag-editor; viewer →
 *    flag-viewer). The entity roles of administrators and project owners cannot be changed.
 * F2 moving a flag into or out of `running` launches or stops it: every environment of the project must let
 *    the actor launch (`flag.toggle`), which takes env-publisher or env-admin there, explicit or by default
 *    (administrator, project owner → env-admin; publisher → env-publisher; editor → env-editor in production,
 *    env-publisher elsewhere; viewer → env-viewer). Seed 003: "Editor ... cannot launch flags" in production,
 *    "When the flag is turned on by a Publisher or higher, an Editor cannot turn the flag off".
 * F3 anything the model does not know (single permissions, custom roles, Admin Center levels, Web roles on a
 *    Feature project) leaves the verdict open: the search then only watches the rights invariant.
 */

/** A Feature flag as the model needs it: where it lies and its project's environments. */
export interface FlagPlace {
  readonly project: Scope;
  readonly flag: string;
  readonly environments: ReadonlyArray<{ readonly id: string; readonly production: boolean }>;
}

const RANK: Readonly<Record<string, number>> = {
  "experimentation:viewer": 1,
  "experimentation:editor": 2,
  "experimentation:publisher": 3,
  "experimentation:project-owner": 4,
  "experimentation:administrator": 4,
};
const LOCKED = 4;
const FLAG_EDITS = new Set(["experimentation:flag-admin", "experimentation:flag-editor"]);
const LAUNCHES = new Set(["experimentation:env-admin", "experimentation:env-publisher"]);

const defaultEnvironment = (rank: number, production: boolean): string =>
  rank >= LOCKED
    ? "experimentation:env-admin"
    : rank === 3 || (rank === 2 && !production)
      ? "experimentation:env-publisher"
      : rank === 2
        ? "experimentation:env-editor"
        : "experimentation:env-viewer";

/** F1–F3: may the actor holding `held` move the flag from status `from` to `to`? undefined: no verdict. */
export const mayMoveFlag = (
  held: ReadonlyArray<HeldGrant>,
  flag: FlagPlace,
  from: string,
  to: string,
): boolean | undefined => {
  const relevant = held.filter(
    (g) =>
      /^(experimentation|admin-center):/.test(g.role ?? g.permission ?? "") &&
      (covers(g.scope, flag.project) || covers(flag.project, g.scope)),
  );
  const known = (g: HeldGrant) =>
    g.role !== null && (RANK[g.role] !== undefined || /^experimentation:(env|flag)-/.test(g.role));
  if (!relevant.every(known)) return undefined;
  const rank = Math.max(
    0,
    ...relevant.filter((g) => covers(g.scope, flag.project)).map((g) => RANK[g.role ?? ""] ?? 0),
  );
  if (rank === 0) return false;
  const entity = (prefix: string, at: (s: Scope) => boolean) =>
    rank >= LOCKED
      ? undefined
      : relevant.find((g) => g.role?.startsWith(`experimentation:${prefix}-`) === true && at(g.scope))?.role;
  const flagRole =
    entity("flag", (s) => s.flag === flag.flag) ??
    (rank >= LOCKED
      ? "experimentation:flag-admin"
      : rank >= 2
        ? "experimentation:flag-editor"
        : "experimentation:flag-viewer");
  if (!FLAG_EDITS.has(flagRole)) return false;
  if (from === to || (from !== "running" && to !== "running")) return true;
  return flag.environments.every((env) =>
    LAUNCHES.has(
      entity("env", (s) => s.environment === env.id && s.flag === undefined) ??
        defaultEnvironment(rank, env.production),
    ),
  );
};
