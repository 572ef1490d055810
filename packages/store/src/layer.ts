// Every repository and the mutation primitive as one layer, over a SqlClient and Notifications
// (`DatabaseLive` or a test database from @gatehouse/db). EngineSync is separate: it listens and holds state.
import { Layer } from "effect";
import { AccessRequests } from "./access-requests.ts";
import { ApiKeys } from "./api-keys.ts";
import { Audiences } from "./audiences.ts";
import { AuditLog } from "./audit-log.ts";
import { ChangeFeed } from "./change-feed.ts";
import { Credentials } from "./credentials.ts";
import { Environments } from "./environments.ts";
import { Flags } from "./flags.ts";
import { Grants } from "./grants.ts";
import { GroupEdits } from "./group-edits.ts";
import { Groups } from "./groups.ts";
import { Instances } from "./instances.ts";
import { InvitationMail } from "./invitation-mail.ts";
import { Invitations } from "./invitations.ts";
import { LoginAttempts } from "./login-attempts.ts";
import { Mutations } from "./mutations.ts";
import { Operations } from "./operations.ts";
import { Operators } from "./operators.ts";
import { OrgSnapshots } from "./org-snapshot.ts";
import { Organizations } from "./organizations.ts";
import { Projects } from "./projects.ts";
import { Resources } from "./resources.ts";
import { Roles } from "./roles.ts";
import { Sessions } from "./sessions.ts";
import { UserDirectory } from "./user-directory.ts";
import { Users } from "./users.ts";

export const StoreLive = Layer.mergeAll(
  Mutations.layer,
  Organizations.layer,
  Instances.layer,
  Projects.layer,
  Environments.layer,
  Flags.layer,
  Audiences.layer,
  Users.layer,
  Invitations.layer,
  InvitationMail.layer,
  UserDirectory.layer,
  Groups.layer,
  Roles.layer,
  Grants.layer,
  Operators.layer,
  Credentials.layer,
  Sessions.layer,
  ApiKeys.layer,
  LoginAttempts.layer,
  AuditLog.layer,
  ChangeFeed.layer,
  GroupEdits.layer,
  Operations.layer,
  AccessRequests.layer,
  Resources.layer,
  OrgSnapshots.layer,
);
