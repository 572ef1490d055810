// Decision table for Feature Experimentation projects (spec section 3, platform feature): project roles,
// the production editor footnote, audience and ruleset conditions, and granular environment and flag roles.
import { describe } from "vitest";
import type { ResourceAttributes } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const e1 = path("acme", X, "e1");
const p1 = path("acme", X, "e1", "p1");
const p2 = path("acme", X, "e1", "p2");
const prodEnv = path("acme", X, "e1", "p1", "production");
const devEnv = path("acme", X, "e1", "p1", "development");
const prodFlag = (flag: string) => path("acme", X, "e1", "p1", "production", flag);
const devFlag = (flag: string) => path("acme", X, "e1", "p1", "development", flag);
/** A flag in every environment of p1: where flag roles are granted. */
const flagScope = (flag: string) => path("acme", X, "e1", "p1", undefined, flag);

type Status = NonNullable<ResourceAttributes["flagStatus"]>;
/** A flag's ruleset in production; `extra` overrides or removes attributes. */
const inProd = (flag: string, extra: ResourceAttributes = {}) =>
  res(prodFlag(flag), { platform: "feature", production: true, flagStatus: "running", ...extra });
const inDev = (flag: string, extra: ResourceAttributes = {}) =>
  res(devFlag(flag), { platform: "feature", production: false, flagStatus: "draft", ...extra });
const project = (extra: ResourceAttributes = {}) => res(p1, { platform: "feature", ...extra });
const audience = (flagStatus: Status) => project({ flagStatus });
const unpublished = { rulesetPublished: false } as const;
const published = { rulesetPublished: true } as const;

const w = world()
  .users(
    "acme",
    "admin",
    "owner",
    "publisher",
    "publisher-multi",
    "editor",
    "viewer",
    "editor+env-publisher",
    "editor+env-viewer",
    "editor+env-admin",
    "editor+flag-viewer",
    "editor+flag-none",
    "viewer+env-editor",
    "viewer+env-editor+flag-editor",
    "outsider",
    "editor+flag-admin",
  )
  .grant("admin", `${X}:administrator`, e1)
  // entity roles of administrators and owners are locked: these explicit grants change nothing
  .grant("admin", `${X}:flag-none`, flagScope("checkout"))
  .grant("admin", `${X}:env-viewer`, prodEnv)
  .grant("owner", `${X}:project-owner`, p1)
  .grant("owner", `${X}:flag-none`, flagScope("checkout"))
  .grant("publisher", `${X}:publisher`, p1)
  .grant("publisher-multi", `${X}:publisher`, p1)
  .permission("publisher-multi", `${X}:flags_multiple_experiments`, p1)
  .grant("editor", `${X}:editor`, p1)
  .grant("viewer", `${X}:viewer`, p1)
  .grant("editor+env-publisher", `${X}:editor`, p1)
  .grant("editor+env-publisher", `${X}:env-publisher`, prodEnv)
  .grant("editor+env-viewer", `${X}:editor`, p1)
  .grant("editor+env-viewer", `${X}:env-viewer`, devEnv)
  .grant("editor+env-admin", `${X}:editor`, p1)
  .grant("editor+env-admin", `${X}:env-admin`, devEnv)
  .grant("editor+flag-viewer", `${X}:editor`, p1)
  .grant("editor+flag-viewer", `${X}:flag-viewer`, flagScope("checkout"))
  .grant("editor+flag-none", `${X}:editor`, p1)
  .grant("editor+flag-none", `${X}:flag-none`, flagScope("banner"))
  .grant("viewer+env-editor", `${X}:viewer`, p1)
  .grant("viewer+env-editor", `${X}:env-editor`, prodEnv)
  .grant("viewer+env-editor+flag-editor", `${X}:viewer`, p1)
  .grant("viewer+env-editor+flag-editor", `${X}:env-editor`, prodEnv)
  .grant("viewer+env-editor+flag-editor", `${X}:flag-editor`, flagScope("banner"))
  .grant("outsider", `${X}:editor`, p2)
  .grant("editor+flag-admin", `${X}:editor`, p1)
  .grant("editor+flag-admin", `${X}:flag-admin`, flagScope("checkout"));

const prodRestricted = [
  "flag.toggle",
  "experiment.start",
  "experiment.pause",
  "traffic.edit",
  "variation.create",
  "variation.edit",
  "variation.reallocate",
  "variation.pause",
  "variation.delete",
  "experiment.metrics.edit",
  "experiment.audiences.edit",
];
const whileUnpublished = [
  "experiment.create",
  "experiment.edit",
  "experiment.archive",
  "allowlist.add",
  "allowlist.edit",
  "allowlist.delete",
];

describe("experimentation (feature) decisions", () => {
  describe("project roles", () => {
    decisionTable(w.engine, [
      ["viewer", `${X}:project.view`, project(), "allow"],
      ["viewer", `${X}:results.view`, project(), "allow"],
      ["viewer", `${X}:flag.view`, inProd("checkout"), "allow"],
      ["viewer", `${X}:flag.edit`, inProd("checkout"), "deny"],
      ["viewer", `${X}:flag.create`, project(), "deny"],
      ["viewer", `${X}:event.create`, project(), "deny"],
      ["viewer", `${X}:audience.create`, project(), "deny"],
      ["viewer", `${X}:variable.create`, inDev("checkout"), "deny"],
      ["viewer", `${X}:experiment.create`, inDev("checkout", unpublished), "deny"],
      ["viewer", `${X}:flag.toggle`, inDev("checkout"), "deny"],
      ["editor", `${X}:flag.create`, project(), "allow"],
      ["editor", `${X}:flag.edit`, inProd("checkout"), "allow"],
      ["editor", `${X}:flag.archive`, inProd("checkout"), "allow"],
      ["editor", `${X}:variable.create`, inProd("checkout"), "allow"],
      ["editor", `${X}:event.create`, project(), "allow"],
      ["editor", `${X}:attribute.archive`, project(), "allow"],
      ["editor", `${X}:exclusion-group.create`, project(), "allow"],
      ["editor", `${X}:holdout.edit`, project(), "allow"],
      ["editor", `${X}:results.reset`, project(), "deny"],
      ["editor", `${X}:collaborator.invite`, project(), "deny"],
      ["editor", `${X}:environment.create`, project(), "deny"],
      ["editor", `${X}:webhook.create`, project(), "deny"],
      ["editor", `${X}:integration.create`, project(), "deny"],
      ["publisher", `${X}:flag.toggle`, inProd("checkout"), "allow"],
      ["publisher", `${X}:experiment.start`, inProd("checkout"), "allow"],
      ["publisher", `${X}:variation.reallocate`, inProd("checkout", published), "allow"],
      ["publisher", `${X}:experiment.edit`, inProd("checkout", published), "allow"],
      ["publisher", `${X}:results.reset`, project(), "allow"],
      ["publisher", `${X}:collaborator.invite`, project(), "deny"],
      ["publisher", `${X}:environment.create`, project(), "deny"],
      ["publisher", `${X}:webhook.delete`, project(), "deny"],
      ["owner", `${X}:collaborator.invite`, project(), "allow"],
      ["owner", `${X}:environment.archive`, project(), "allow"],
      ["owner", `${X}:webhook.create`, project(), "allow"],
      ["owner", `${X}:integration.edit`, project(), "allow"],
      ["owner", `${X}:results.reset`, project(), "allow"],
      ["owner", `${X}:flag.toggle`, inProd("checkout"), "allow"],
      ["admin", `${X}:collaborator.delete`, project(), "allow"],
      ["admin", `${X}:flag.toggle`, inProd("banner"), "allow"],
      ["admin", `${X}:project.view`, res(p2, { platform: "feature" }), "allow"],
      // a project role never reaches a sibling project
      ["outsider", `${X}:flag.view`, inProd("checkout"), "deny"],
      ["outsider", `${X}:project.view`, project(), "deny"],
    ]);
  });

  describe("editor in a production environment vs a non-production one", () => {
    decisionTable(w.engine, [
      ...prodRestricted.map((a) => ["editor", `${X}:${a}`, inProd("checkout", unpublished), "deny"] as const),
      ...prodRestricted.map((a) => ["editor", `${X}:${a}`, inDev("checkout", published), "allow"] as const),
      ...whileUnpublished.map(
        (a) => ["editor", `${X}:${a}`, inProd("checkout", unpublished), "allow"] as const,
      ),
      ...whileUnpublished.map((a) => ["editor", `${X}:${a}`, inProd("checkout", published), "deny"] as const),
      ...whileUnpublished.map((a) => ["editor", `${X}:${a}`, inDev("checkout", published), "allow"] as const),
      // fail closed: the editor's rights depend on production and on rulesetPublished
      [
        "editor",
        `${X}:experiment.create`,
        res(prodFlag("checkout"), { platform: "feature" }),
        "deny",
        "production",
      ],
      ["editor", `${X}:flag.toggle`, res(devFlag("checkout"), { platform: "feature" }), "deny", "production"],
      ["editor", `${X}:experiment.create`, inProd("checkout"), "deny", "rulesetPublished"],
      ["editor", `${X}:allowlist.add`, inProd("checkout"), "deny", "rulesetPublished"],
      // a publisher's rights do not depend on the environment
      ["publisher", `${X}:flag.toggle`, res(prodFlag("checkout"), { platform: "feature" }), "allow"],
    ]);
  });

  describe("audiences and the flag's status", () => {
    decisionTable(w.engine, [
      ["editor", `${X}:audience.edit`, audience("draft"), "allow"],
      ["editor", `${X}:audience.edit`, audience("paused"), "allow"],
      ["editor", `${X}:audience.edit`, audience("running"), "deny"],
      ["editor", `${X}:audience.archive`, audience("paused"), "allow"],
      ["editor", `${X}:audience.archive`, audience("running"), "deny"],
      ["editor", `${X}:audience.edit`, project(), "deny", "flagStatus"],
      ["editor", `${X}:audience.create`, audience("running"), "allow"],
      ["editor", `${X}:audience.create`, project(), "allow"],
      ["publisher", `${X}:audience.edit`, audience("running"), "allow"],
      ["publisher", `${X}:audience.archive`, audience("running"), "allow"],
      ["owner", `${X}:audience.edit`, audience("running"), "allow"],
      ["viewer", `${X}:audience.edit`, audience("draft"), "deny"],
    ]);
  });

  describe("a second experiment on a flag needs flags_multiple_experiments", () => {
    decisionTable(w.engine, [
      ["publisher", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: false }), "allow"],
      ["publisher", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: true }), "deny"],
      ["publisher-multi", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: true }), "allow"],
      ["editor", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: true }), "deny"],
      ["admin", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: true }), "deny"],
      ["admin", `${X}:experiment.create`, inDev("checkout", { flagHasExperiment: false }), "allow"],
    ]);
  });

  describe("granular environment and flag roles", () => {
    decisionTable(w.engine, [
      // an explicit environment role replaces the editor's production default
      ["editor+env-publisher", `${X}:flag.toggle`, inProd("checkout"), "allow"],
      ["editor+env-publisher", `${X}:experiment.start`, inProd("checkout", published), "allow"],
      ["editor+env-publisher", `${X}:traffic.edit`, inProd("checkout", published), "allow"],
      ["editor+env-viewer", `${X}:flag.toggle`, inDev("checkout"), "deny"],
      ["editor+env-viewer", `${X}:experiment.create`, inDev("checkout", unpublished), "deny"],
      ["editor+env-viewer", `${X}:flag.edit`, inDev("checkout"), "allow"],
      [
        "editor+env-admin",
        `${X}:environment.permissions.manage`,
        res(devEnv, { platform: "feature" }),
        "allow",
      ],
      [
        "editor",
        `${X}:environment.permissions.manage`,
        res(devEnv, { platform: "feature", production: false }),
        "deny",
      ],
      [
        "owner",
        `${X}:environment.permissions.manage`,
        res(prodEnv, { platform: "feature", production: true }),
        "allow",
      ],
      // env-editor: experiment.{create,edit,archive} and allowlist.* while unpublished, capped by the flag role
      ["viewer+env-editor+flag-editor", `${X}:experiment.create`, inProd("banner", unpublished), "allow"],
      ["viewer+env-editor+flag-editor", `${X}:allowlist.edit`, inProd("banner", unpublished), "allow"],
      ["viewer+env-editor+flag-editor", `${X}:experiment.create`, inProd("banner", published), "deny"],
      ["viewer+env-editor+flag-editor", `${X}:flag.toggle`, inProd("banner", unpublished), "deny"],
      ["viewer+env-editor+flag-editor", `${X}:flag.edit`, inProd("banner"), "allow"],
      // without a flag role the viewer's default flag-viewer caps ruleset actions at viewing
      ["viewer+env-editor", `${X}:experiment.create`, inProd("banner", unpublished), "deny"],
      ["viewer+env-editor", `${X}:flag.view`, inProd("banner"), "allow"],
      // flag.create and audience.create: editor or above on the project or on at least one environment
      ["viewer+env-editor", `${X}:flag.create`, project(), "allow"],
      ["viewer+env-editor", `${X}:audience.create`, project(), "allow"],
      ["viewer+env-editor", `${X}:event.create`, project(), "deny"],
      ["viewer+env-editor", `${X}:results.reset`, project(), "deny"],
      // flag-viewer caps ruleset actions and flag changes at viewing, on that flag only
      ["editor+flag-viewer", `${X}:flag.toggle`, inDev("checkout"), "deny"],
      ["editor+flag-viewer", `${X}:experiment.create`, inDev("checkout", unpublished), "deny"],
      ["editor+flag-viewer", `${X}:flag.edit`, inDev("checkout"), "deny"],
      ["editor+flag-viewer", `${X}:variable.create`, inDev("checkout"), "deny"],
      ["editor+flag-viewer", `${X}:flag.view`, inDev("checkout"), "allow"],
      ["editor+flag-viewer", `${X}:flag.toggle`, inDev("banner"), "allow"],
      // flag-none hides the flag entirely
      ["editor+flag-none", `${X}:flag.view`, inDev("banner"), "deny"],
      ["editor+flag-none", `${X}:flag.toggle`, inDev("banner"), "deny"],
      ["editor+flag-none", `${X}:flag.edit`, inDev("banner"), "deny"],
      ["editor+flag-none", `${X}:flag.view`, inDev("checkout"), "allow"],
      // flag-admin (not flag-editor) manages the flag's permissions
      ["editor", `${X}:flag.permissions.manage`, inDev("checkout"), "deny"],
      ["editor+flag-admin", `${X}:flag.permissions.manage`, inDev("checkout"), "allow"],
      ["editor+flag-admin", `${X}:flag.permissions.manage`, inDev("banner"), "deny"],
      ["owner", `${X}:flag.permissions.manage`, inDev("banner"), "allow"],
      // administrators' and owners' entity roles are locked: explicit flag-none / env-viewer reduce nothing
      ["admin", `${X}:flag.view`, inProd("checkout"), "allow"],
      ["admin", `${X}:flag.edit`, inProd("checkout"), "allow"],
      ["admin", `${X}:flag.toggle`, inProd("checkout"), "allow"],
      ["admin", `${X}:experiment.start`, inProd("banner"), "allow"],
      ["owner", `${X}:flag.view`, inProd("checkout"), "allow"],
      ["owner", `${X}:flag.toggle`, inProd("checkout"), "allow"],
    ]);
  });
});
