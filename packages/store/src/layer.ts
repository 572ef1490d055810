// Every repository and the mutation primitive as one layer, over a SqlClient and Notifications
// (`DatabaseLive` or a test database from @gatehouse/db). EngineSync is separate: it listens and holds state.
import { Layer } from "effect";
import { Environments } from "./environments.ts";
import { Flags } from "./flags.ts";
import { Grants } from "./grants.ts";
import { Groups } from "./groups.ts";
import { Instances } from "./instances.ts";
import { Mutations } from "./mutations.ts";
import { Organizations } from "./organizations.ts";
import { Projects } from "./projects.ts";
import { Roles } from "./roles.ts";
import { Users } from "./users.ts";

export const StoreLive = Layer.mergeAll(
  Mutations.layer,
  Organizations.layer,
  Instances.layer,
  Projects.layer,
  Environments.layer,
  Flags.layer,
  Users.layer,
  Groups.layer,
  Roles.layer,
  Grants.layer,
);
