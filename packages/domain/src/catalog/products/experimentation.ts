// Web and Feature Experimentation (seeds 002, 003, 004): project roles, Web's restricted roles,
// and Feature's granular environment and flag roles whose defaults follow the project role.

import type { Condition } from "../condition.ts";
import { attrIn, attrIs, holdsPermission, whenAttr } from "../condition.ts";
import { actionId, actionsOf, permission, productId, role, roleId } from "../define.ts";
import type { FeatureLayer, PermissionDef, ProductDef, RoleDef } from "../types.ts";

const P = "experimentation";

const rulesetActions = [
  "experiment.create",
  "experiment.edit",
  "experiment.start",
  "experiment.pause",
  "experiment.archive",
  "experiment.audiences.edit",
  "experiment.metrics.edit",
  "variation.create",
  "variation.edit",
  "variation.reallocate",
  "variation.pause",
  "variation.delete",
  "traffic.edit",
  "allowlist.add",
  "allowlist.edit",
  "allowlist.delete",
  "flag.toggle",
];
const flagActions = [
  "flag.edit",
  "flag.archive",
  "flag.view",
  "variable.create",
  "variable.edit",
  "variable.delete",
  "flag.permissions.manage",
];
/** Decided by the audience role (see decide-audience.ts); `audience.create` stays with the project role. */
const audienceActions = ["audience.edit", "audience.archive"];
const layerOf = (name: string): FeatureLayer =>
  rulesetActions.includes(name)
    ? "ruleset"
    : flagActions.includes(name)
      ? "flag"
      : name === "environment.permissions.manage"
        ? "environment"
        : audienceActions.includes(name)
          ? "audience"
          : "project";

/** Creating a second experiment on a flag needs the extra `flags_multiple_experiments` permission. */
const secondExperimentNeedsPermission = whenAttr(
  "flagHasExperiment",
  true,
  holdsPermission(actionId(P, "flags_multiple_experiments")),
);

const featureActions = actionsOf(
  P,
  [
    ["experiment.create", "Create experiments"],
    ["experiment.edit", "Edit experiments"],
    ["experiment.start", "Start experiments"],
    ["experiment.pause", "Pause experiments"],
    ["experiment.archive", "Archive experiments"],
    ["experiment.audiences.edit", "Change an experiment's audiences"],
    ["experiment.metrics.edit", "Add or remove an experiment's metrics"],
    ["variation.create", "Create variations"],
    ["variation.edit", "Edit variations"],
    ["variation.reallocate", "Re-allocate variation traffic"],
    ["variation.pause", "Pause variations"],
    ["variation.delete", "Delete variations"],
    ["traffic.edit", "Edit traffic allocation"],
    ["allowlist.add", "Add specific users"],
    ["allowlist.edit", "Edit specific users"],
    ["allowlist.delete", "Delete specific users"],
    ["flag.toggle", "Launch: turn a flag on or off in an environment"],
    ["flag.create", "Create flags"],
    ["flag.edit", "Edit flags"],
    ["flag.archive", "Archive flags"],
    ["flag.view", "View flags"],
    ["flag.permissions.manage", "Manage a flag's permissions"],
    ["variable.create", "Create variable keys"],
    ["variable.edit", "Edit variable keys"],
    ["variable.delete", "Delete variable keys"],
    ["event.create", "Create events"],
    ["event.edit", "Edit events"],
    ["event.archive", "Archive events"],
    ["attribute.create", "Create attributes"],
    ["attribute.edit", "Edit attributes"],
    ["attribute.archive", "Archive attributes"],
    ["audience.create", "Create audiences"],
    ["audience.edit", "Edit audiences"],
    ["audience.archive", "Archive audiences"],
    ["collaborator.invite", "Invite collaborators"],
    ["collaborator.edit", "Edit collaborators"],
    ["collaborator.delete", "Remove collaborators"],
    ["environment.create", "Create environments"],
    ["environment.edit", "Edit environments"],
    ["environment.archive", "Archive environments"],
    ["environment.permissions.manage", "Manage an environment's permissions"],
    ["webhook.create", "Create webhooks"],
    ["webhook.delete", "Delete webhooks"],
    ["integration.create", "Create integrations"],
    ["integration.edit", "Edit integrations"],
    ["integration.delete", "Delete integrations"],
    ["results.reset", "Reset results"],
    ["results.view", "View results"],
    ["exclusion-group.create", "Create mutual exclusion groups"],
    ["exclusion-group.edit", "Edit mutual exclusion groups"],
    ["exclusion-group.delete", "Delete mutual exclusion groups"],
    ["holdout.create", "Create global holdouts"],
    ["holdout.edit", "Edit global holdouts"],
    ["holdout.delete", "Delete global holdouts"],
    ["project.view", "View the project"],
    ["flags_multiple_experiments", "Create more than one experiment on a flag"],
  ],
  { platform: "feature", layerOf },
).map((a) =>
  a.id === actionId(P, "experiment.create") ? { ...a, condition: secondExperimentNeedsPermission } : a,
);

const webActions = actionsOf(
  P,
  [
    ["experiment.view", "View experiments and campaigns"],
    ["experiment.create", "Create experiments and campaigns"],
    ["experiment.edit", "Edit experiments and campaigns"],
    ["experiment.start", "Start experiments and campaigns"],
    ["experiment.pause", "Pause experiments and campaigns"],
    ["experiment.publish", "Publish experiments and campaigns"],
    ["experiment.archive", "Archive experiments and campaigns"],
    ["experiment.delete", "Delete experiments and campaigns"],
    ["page.view", "View pages"],
    ["page.create", "Create pages"],
    ["page.edit", "Edit pages"],
    ["page.archive", "Archive pages"],
    ["event.view", "View events"],
    ["event.create", "Create events"],
    ["event.edit", "Edit events"],
    ["event.archive", "Archive events"],
    ["extension.create", "Create extensions"],
    ["extension.edit", "Edit extensions"],
    ["audience.view", "View audiences"],
    ["audience.create", "Create audiences"],
    ["audience.edit", "Edit audiences"],
    ["results.view", "View results"],
    ["results.reset", "Reset results"],
    ["collaborator.add", "Add collaborators"],
    ["snippet.edit", "Change snippet settings"],
    ["project.create", "Create projects"],
    ["account.view", "View account settings"],
    ["account.cross-origin.edit", "Edit cross-origin settings"],
    ["billing.view", "View bills"],
    ["billing.pay", "Pay bills"],
  ],
  { platform: "web" },
);

const feature = (name: string, when?: Condition): PermissionDef =>
  permission(P, name, when ? { platform: "feature", when } : { platform: "feature" });
const web = (name: string, when?: Condition): PermissionDef =>
  permission(P, name, when ? { platform: "web", when } : { platform: "web" });

// Feature project-layer permissions, widest role last; ruleset and flag actions come from the granular roles.
const featureViewer = ["project.view", "results.view"].map((n) => feature(n));
const featureEditorOnly = [
  "flag.create",
  "event.create",
  "event.edit",
  "event.archive",
  "attribute.create",
  "attribute.edit",
  "attribute.archive",
  "audience.create",
  "exclusion-group.create",
  "exclusion-group.edit",
  "exclusion-group.delete",
  "holdout.create",
  "holdout.edit",
  "holdout.delete",
].map((n) => feature(n));
const flagNotRunning = attrIn("flagStatus", ["draft", "paused"]);
const featureEditor = [
  ...featureViewer,
  ...featureEditorOnly,
  feature("audience.edit", flagNotRunning),
  feature("audience.archive", flagNotRunning),
];
const featurePublisher = [
  ...featureViewer,
  ...featureEditorOnly,
  ...["audience.edit", "audience.archive", "results.reset"].map((n) => feature(n)),
];
const featureOwner = [
  ...featurePublisher,
  ...[
    "collaborator.invite",
    "collaborator.edit",
    "collaborator.delete",
    "environment.create",
    "environment.edit",
    "environment.archive",
    "webhook.create",
    "webhook.delete",
    "integration.create",
    "integration.edit",
    "integration.delete",
  ].map((n) => feature(n)),
];

// Web table (seed 004): † restricted roles only with extensions; ‡ an editor drafts but never publishes.
const extensionOnly = attrIs("changeKind", "extension");
const webViews = [
  "experiment.view",
  "page.view",
  "event.view",
  "audience.view",
  "results.view",
  "account.view",
];
const webAuthoring = ["page.create", "event.create", "extension.create"];
const webRun = [
  "experiment.start",
  "experiment.pause",
  "experiment.publish",
  "experiment.archive",
  "experiment.delete",
];
const webPublisherOnly = ["page.edit", "page.archive", "event.edit", "event.archive", "extension.edit"];
const webOwnerOnly = ["results.reset", "collaborator.add", "snippet.edit", "project.create"];
const webAdminOnly = ["account.cross-origin.edit", "billing.view", "billing.pay"];
const webViewer = webViews.map((n) => web(n));
const webRestrictedEditor = [
  ...webViewer,
  ...webAuthoring.map((n) => web(n)),
  web("experiment.create", extensionOnly),
  web("experiment.edit", extensionOnly),
];
const webEditor = [
  ...webViewer,
  ...webAuthoring.map((n) => web(n)),
  ...["experiment.create", "experiment.edit", "audience.create", "audience.edit"].map((n) => web(n)),
];
const webRestrictedPublisher = [
  ...webRestrictedEditor,
  ...[...webRun, "audience.create", "audience.edit"].map((n) => web(n)),
];
const webPublisher = [...webEditor, ...[...webRun, ...webPublisherOnly].map((n) => web(n))];
const webOwner = [...webPublisher, ...webOwnerOnly.map((n) => web(n))];
const webAdmin = [...webOwner, ...webAdminOnly.map((n) => web(n))];

const projectLevels = ["product", "instance", "project"] as const;
const ruleset = (when?: Condition) => rulesetActions.map((n) => feature(n, when));

const projectRoles: ReadonlyArray<RoleDef> = [
  role(
    P,
    "administrator",
    "Administrator",
    "Every project of the instance, billing and administrators.",
    [...featureOwner, ...webAdmin],
    { levels: ["product", "instance"], implies: [roleId("admin-center", "instance-admin")] },
  ),
  role(
    P,
    "project-owner",
    "Project Owner",
    "Full access to its projects; adds editors and viewers to them.",
    [...featureOwner, ...webOwner],
    { levels: projectLevels, implies: [roleId("admin-center", "project-owner")] },
  ),
  role(
    P,
    "publisher",
    "Publisher",
    "Publishes: starts and stops experiments, launches flags in production.",
    [...featurePublisher, ...webPublisher],
    { levels: projectLevels },
  ),
  role(
    P,
    "restricted-publisher",
    "Restricted Publisher",
    "A publisher limited to pre-made extensions (Web only).",
    webRestrictedPublisher,
    {
      levels: projectLevels,
    },
  ),
  role(
    P,
    "editor",
    "Editor",
    "Builds experiments, flags and rules; cannot publish or launch in production.",
    [...featureEditor, ...webEditor],
    { levels: projectLevels },
  ),
  role(
    P,
    "restricted-editor",
    "Restricted Editor",
    "An editor limited to pre-made extensions (Web only).",
    webRestrictedEditor,
    {
      levels: projectLevels,
    },
  ),
  role(
    P,
    "viewer",
    "Viewer",
    "Read-only access to the project's experiments, flags and results.",
    [...featureViewer, ...webViewer],
    {
      levels: projectLevels,
    },
  ),
];

const envEditorWhile = attrIs("rulesetPublished", false);
const environmentRoles: ReadonlyArray<RoleDef> = [
  role(
    P,
    "env-admin",
    "Environment Admin",
    "Every ruleset action in the environment, and its permissions.",
    [...ruleset(), feature("environment.permissions.manage")],
    { levels: ["environment"] },
  ),
  role(P, "env-publisher", "Environment Publisher", "Every ruleset action in the environment.", ruleset(), {
    levels: ["environment"],
  }),
  role(
    P,
    "env-editor",
    "Environment Editor",
    "Creates rules until the environment's ruleset is published.",
    [
      ...[
        "experiment.create",
        "experiment.edit",
        "experiment.archive",
        "allowlist.add",
        "allowlist.edit",
        "allowlist.delete",
      ].map((n) => feature(n, envEditorWhile)),
    ],
    { levels: ["environment"] },
  ),
  role(P, "env-viewer", "Environment Viewer", "Views the environment's rules only.", [], {
    levels: ["environment"],
  }),
];

const flagChanges = flagActions.filter((n) => n !== "flag.permissions.manage");
const flagRoles: ReadonlyArray<RoleDef> = [
  role(
    P,
    "flag-admin",
    "Flag Admin",
    "Every flag action, and the flag's permissions.",
    [...flagChanges.map((n) => feature(n)), feature("flag.permissions.manage")],
    { levels: ["flag"] },
  ),
  role(
    P,
    "flag-editor",
    "Flag Editor",
    "Every flag action.",
    flagChanges.map((n) => feature(n)),
    { levels: ["flag"] },
  ),
  role(P, "flag-viewer", "Flag Viewer", "Views the flag only.", [feature("flag.view")], { levels: ["flag"] }),
  role(P, "flag-none", "No Flag Access", "The flag is hidden.", [], { levels: ["flag"] }),
];

export const experimentation: ProductDef = {
  id: productId(P),
  label: "Experimentation",
  source: "003_377ca983540ea55d.txt",
  customRoles: false,
  customRolesInstead: "access is refined with the granular environment and flag roles",
  administrator: roleId(P, "administrator"),
  projectOwnersGive: [roleId(P, "editor"), roleId(P, "viewer")],
  actions: [...featureActions, ...webActions],
  roles: [...projectRoles, ...environmentRoles, ...flagRoles],
};

const r = (name: string) => roleId(P, name);

/** Project roles from widest to narrowest (each includes the ones after it, restricted ones aside). */
export const projectRoleOrder = [
  r("administrator"),
  r("project-owner"),
  r("publisher"),
  r("restricted-publisher"),
  r("editor"),
  r("restricted-editor"),
  r("viewer"),
] as const;

/** Roles that exist only on Web projects. */
export const webOnlyRoles = [r("restricted-publisher"), r("restricted-editor")] as const;

/** Project roles whose entity (environment and flag) roles are locked at the full default. */
export const lockedEntityRoles = [r("administrator"), r("project-owner")] as const;

export const environmentRoleIds = environmentRoles.map((x) => x.id);
export const flagRoleIds = flagRoles.map((x) => x.id);

/** Whoever may do this on a flag gives and removes the flag roles of that flag (flag-admin). */
export const flagPermissionsAction = actionId(P, "flag.permissions.manage");
/** Whoever may do this on an environment gives and removes the environment roles there (env-admin). */
export const environmentPermissionsAction = actionId(P, "environment.permissions.manage");

/** Flag roles that let ruleset actions through; flag-viewer caps at viewing and flag-none hides the flag. */
export const flagRolesAllowingRulesetChanges = [r("flag-admin"), r("flag-editor")] as const;

/** The environment role a Feature project role gives by default; editors are env-editor only in production. */
export const defaultEnvironmentRole = (projectRole: string, production: boolean) => {
  switch (projectRole) {
    case r("administrator"):
    case r("project-owner"):
      return r("env-admin");
    case r("publisher"):
      return r("env-publisher");
    case r("editor"):
      return production ? r("env-editor") : r("env-publisher");
    default:
      return r("env-viewer");
  }
};

/** The flag role a Feature project role gives by default. */
export const defaultFlagRole = (projectRole: string) => {
  switch (projectRole) {
    case r("administrator"):
    case r("project-owner"):
      return r("flag-admin");
    case r("publisher"):
    case r("editor"):
      return r("flag-editor");
    default:
      return r("flag-viewer");
  }
};

/** `flag.create` and `audience.create` are also open to editors of at least one environment. */
export const openToEnvironmentEditors = [actionId(P, "flag.create"), actionId(P, "audience.create")] as const;
export const environmentEditorOrAbove = [r("env-admin"), r("env-publisher"), r("env-editor")] as const;
