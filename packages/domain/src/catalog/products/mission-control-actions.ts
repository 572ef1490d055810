// Mission Control's actions with their labels (seed 000), the one list the catalog, the API's inputs and the apps
// read, and which of them are operations: every one but viewing, a permission the pages ask about, never run.

/** Every Mission Control action, without the `mission-control:` prefix, with its label. */
export const missionControlActions = [
  ["site.view", "View the site and its environment"],
  ["site.restart", "Restart site"],
  ["database.backup", "Database backup"],
  ["database.credentials", "Generate database credentials"],
  ["database.sync", "Production database sync (overwrites a sandbox)"],
  ["userfiles.sync", "Production user files sync"],
  ["code.deploy", "Base code deploy"],
  ["extension.deploy", "Extension deployment"],
] as const;

/** Viewing an instance: what every Mission Control role holds, asked by the pages; never run as an operation. */
export const MISSION_CONTROL_VIEW = "site.view";

/** An action run on an instance (restart, backup, credentials, syncs, deployments). */
export type OperationName = Exclude<(typeof missionControlActions)[number][0], typeof MISSION_CONTROL_VIEW>;

/** The operations, in the catalog's order. */
export const operationNames: ReadonlyArray<OperationName> = missionControlActions
  .map(([name]) => name)
  .filter((name): name is OperationName => name !== MISSION_CONTROL_VIEW);

/**
 * The operations that change what an environment runs or holds (deployments, the production syncs): as Mission
 * Control runs one deployment at a time per environment, at most one of them is open (waiting, scheduled or
 * running) on an instance at a time.
 */
export const oneAtATimeOperations: ReadonlyArray<OperationName> = [
  "database.sync",
  "userfiles.sync",
  "code.deploy",
  "extension.deploy",
];
