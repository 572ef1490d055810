// @gatehouse/contracts: the API's input schemas, one module per router, imported by the API and by the apps'
// forms so both sides validate the same way, and how inputs are checked and refusals worded. Effect only; no server
// code. The decision questions' schemas (they read the domain's resource attributes) are `./check-inputs`.

export {
  AccessRequestCancelInput,
  AccessRequestCompleteInput,
  AccessRequestDecideInput,
  AccessRequestInput,
  AccessRequestListInput,
  AccessRequestStatus,
  PartnerRole,
  SupportTicketQueueInput,
} from "./access-requests.ts";
export {
  AuditActorsInput,
  AuditExportInput,
  AuditFilters,
  AuditListInput,
  AuditOrder,
} from "./audit.ts";
export { auditActionCode, auditActionLabels } from "./audit-actions.ts";
export { LoginInput } from "./auth.ts";
export {
  ConsistencyToken,
  Cursor,
  Email,
  Id,
  Instant,
  Key,
  MAX_ID_LENGTH,
  Name,
  PageSize,
  SequenceCursor,
  Text,
  TrimmedText,
  Version,
} from "./fields.ts";
export {
  CreateGroupInput,
  GetGroupInput,
  GroupMemberInput,
  ListGroupsInput,
} from "./groups.ts";
export { type Accepts, compileAcceptor } from "./input-acceptor.ts";
export { inputSchema } from "./input-schema.ts";
export {
  AcceptInput,
  AcceptPassword,
  InvitationIdInput,
  InvitationStatus,
  InvitationsListInput,
  OpeningInput,
  OutboxInput,
} from "./invitations.ts";
export { issuesMessage, issuesOf } from "./issue-words.ts";
export {
  InviteLanguage,
  isLanguage,
  type Language,
  languageChoices,
  languageNames,
  languageOf,
  languageTags,
} from "./languages.ts";
export { ListPage, MAX_LIST_PAGE } from "./list-page.ts";
export {
  OperationAction,
  OperationHistoryInput,
  OperationIdInput,
  OperationRunInput,
  OperationStatus,
  SCHEDULE_HORIZON_DAYS,
  ScheduledFor,
  scheduleRefusal,
} from "./operations.ts";
export {
  EnabledProducts,
  OrganizationCreateInput,
  OrganizationId,
  OrganizationKind,
} from "./organizations.ts";
export {
  CreateCustomRoleInput,
  GetRoleInput,
  ListRolesInput,
  UpdateCustomRoleInput,
  ValidateCustomRoleInput,
} from "./roles.ts";
export { GrantScope } from "./scope.ts";
export { AtVersionInput, RenameInput } from "./stored-object.ts";
export {
  InviteeForm,
  InviteGrant,
  InviteInput,
  InviteName,
  SortDirection,
  UserExportInput,
  UserListInput,
  UserSearchInput,
  UserSort,
  UserSortBy,
} from "./users.ts";
export { WhatIfChange, WhatIfInput, WhatIfInviteInput } from "./what-if.ts";
