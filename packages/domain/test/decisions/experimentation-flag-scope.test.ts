// Decision table for flag roles at the flag scope (spec section 3, issue 13): one flag role per flag in every
// environment; on a ruleset the lower of the environment and the flag role, on the flag the flag role alone.
import { describe } from "vitest";
import type { Resource } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { decisionTable, type Row } from "../support/table.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
/** The flag in every environment: where flag roles are granted. */
const checkout = path("acme", X, "e1", "p1", undefined, "checkout");
/** Environments, with `production`; staging is added later: no grant names it. */
const ENVIRONMENTS = [
  ["production", true],
  ["development", false],
  ["staging", false],
] as const;
const STATUSES = ["draft", "running", "paused"] as const;
const FLAG_ACTIONS = ["flag.view", "flag.edit", "variable.create", "flag.permissions.manage"] as const;

/** The flag's ruleset in one environment (unpublished), or the flag itself. */
const ruleset = (environment: string, production: boolean, flagStatus: string): Resource =>
  res(path("acme", X, "e1", "p1", environment, "checkout"), {
    platform: "feature",
    production,
    flagStatus: flagStatus as "draft",
    rulesetPublished: false,
  });
const wholeFlag = (flagStatus: string): Resource =>
  res(checkout, { platform: "feature", flagStatus: flagStatus as "draft" });

/**
 * project role, flag role at the flag ("-": none), environment role in production and development ("-": none)
 * → flag.toggle and experiment.create in production, development, staging; then flag.view, flag.edit,
 * variable.create and flag.permissions.manage on the flag (in any environment, or as a whole). "+" allow, "-" deny.
 */
type Line = readonly [
  project: string,
  flag: string,
  env: string,
  toggle: string,
  create: string,
  flag: string,
];
const table: ReadonlyArray<Line> = [
  ["editor", "-", "-", "-++", "+++", "+++-"],
  ["editor", "-", "env-admin", "+++", "+++", "+++-"],
  ["editor", "-", "env-publisher", "+++", "+++", "+++-"],
  ["editor", "-", "env-editor", "--+", "+++", "+++-"],
  ["editor", "-", "env-viewer", "--+", "--+", "+++-"],
  ["editor", "flag-admin", "-", "-++", "+++", "++++"],
  ["editor", "flag-admin", "env-admin", "+++", "+++", "++++"],
  ["editor", "flag-admin", "env-publisher", "+++", "+++", "++++"],
  ["editor", "flag-admin", "env-editor", "--+", "+++", "++++"],
  ["editor", "flag-admin", "env-viewer", "--+", "--+", "++++"],
  ["editor", "flag-editor", "-", "-++", "+++", "+++-"],
  ["editor", "flag-editor", "env-admin", "+++", "+++", "+++-"],
  ["editor", "flag-editor", "env-publisher", "+++", "+++", "+++-"],
  ["editor", "flag-editor", "env-editor", "--+", "+++", "+++-"],
  ["editor", "flag-editor", "env-viewer", "--+", "--+", "+++-"],
  ["editor", "flag-viewer", "-", "---", "---", "+---"],
  ["editor", "flag-viewer", "env-admin", "---", "---", "+---"],
  ["editor", "flag-viewer", "env-publisher", "---", "---", "+---"],
  ["editor", "flag-viewer", "env-editor", "---", "---", "+---"],
  ["editor", "flag-viewer", "env-viewer", "---", "---", "+---"],
  ["editor", "flag-none", "-", "---", "---", "----"],
  ["editor", "flag-none", "env-admin", "---", "---", "----"],
  ["editor", "flag-none", "env-publisher", "---", "---", "----"],
  ["editor", "flag-none", "env-editor", "---", "---", "----"],
  ["editor", "flag-none", "env-viewer", "---", "---", "----"],
  ["viewer", "-", "-", "---", "---", "+---"],
  ["viewer", "flag-editor", "-", "---", "---", "+++-"],
  ["viewer", "flag-editor", "env-admin", "++-", "++-", "+++-"],
  ["viewer", "flag-editor", "env-publisher", "++-", "++-", "+++-"],
  ["viewer", "flag-editor", "env-editor", "---", "++-", "+++-"],
  ["viewer", "flag-editor", "env-viewer", "---", "---", "+++-"],
  ["publisher", "flag-viewer", "-", "---", "---", "+---"],
  ["publisher", "flag-none", "env-admin", "---", "---", "----"],
  ["project-owner", "flag-none", "env-viewer", "+++", "+++", "++++"],
  ["project-owner", "flag-viewer", "-", "+++", "+++", "++++"],
];

const who = ([project, flag, env]: Line): string => `${project}+${flag}+${env}`;
const decision = (sign: string | undefined) => (sign === "+" ? "allow" : "deny");

const w = world();
for (const line of table) {
  const [project, flag, env] = line;
  w.user(who(line), "acme").grant(
    who(line),
    `${X}:${project}`,
    project === "administrator" ? path("acme", X, "e1") : p1,
  );
  if (flag !== "-") w.grant(who(line), `${X}:${flag}`, checkout);
  if (env !== "-")
    for (const [environment] of ENVIRONMENTS.slice(0, 2))
      w.grant(who(line), `${X}:${env}`, path("acme", X, "e1", "p1", environment));
}

const rows: Row[] = table.flatMap((line): Row[] => {
  const [, , , toggle, create, flagActions] = line;
  return STATUSES.flatMap((status): Row[] => [
    ...ENVIRONMENTS.flatMap(([environment, production], i): Row[] => [
      [who(line), `${X}:flag.toggle`, ruleset(environment, production, status), decision(toggle[i])],
      [who(line), `${X}:experiment.create`, ruleset(environment, production, status), decision(create[i])],
      // a flag action asked in one environment is still the flag role's
      [who(line), `${X}:flag.edit`, ruleset(environment, production, status), decision(flagActions[1])],
    ]),
    ...FLAG_ACTIONS.map(
      (action, i): Row => [who(line), `${X}:${action}`, wholeFlag(status), decision(flagActions[i])],
    ),
  ]);
});

describe("Feature Experimentation: flag roles at the flag, in every environment", () => {
  describe("flag role × environment role × production × flagStatus", () => {
    decisionTable(w.engine, rows);
  });
});
