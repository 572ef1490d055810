// The actions of the spec a user can run on an instance, in the order the page shows them, with what each does
// and whether it is destructive (it overwrites data, so its confirmation needs the instance's name typed).
import type { OperationAction } from "@gatehouse/contracts";

export type RunnableAction = Exclude<typeof OperationAction.Type, "site.view">;

export interface ActionInfo {
  readonly action: RunnableAction;
  readonly label: string;
  readonly description: string;
  readonly destructive: boolean;
}

export const actions: ReadonlyArray<ActionInfo> = [
  {
    action: "site.restart",
    label: "Restart site",
    description: "Restarts the site's application servers; visitors may see errors for a minute.",
    destructive: false,
  },
  {
    action: "database.backup",
    label: "Database backup",
    description: "Takes a backup of the environment's database.",
    destructive: false,
  },
  {
    action: "database.credentials",
    label: "Generate database credentials",
    description: "Creates a database user; its password is shown once and never stored in clear.",
    destructive: false,
  },
  {
    action: "database.sync",
    label: "Production database sync",
    description: "Copies the production database over this environment's database, replacing all its data.",
    destructive: true,
  },
  {
    action: "userfiles.sync",
    label: "Production user files sync",
    description: "Copies production's user files over this environment's files.",
    destructive: false,
  },
  {
    action: "code.deploy",
    label: "Base code deploy",
    description: "Deploys the current base code release to this environment.",
    destructive: false,
  },
  {
    action: "extension.deploy",
    label: "Extension deployment",
    description: "Deploys the customer's extensions to this environment.",
    destructive: false,
  },
];
