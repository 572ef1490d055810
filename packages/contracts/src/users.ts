// Inputs of the users router: listing (scope, search, sort, cursor) and inviting; the API and the Admin Center's
// forms decode the same fields, so the browser refuses what the API would (an email's shape, lengths, counts).
import { Schema } from "effect";
import { Cursor, Email, Id, PageSize, Text, TrimmedText } from "./fields.ts";
import { InviteLanguage } from "./languages.ts";
import { GrantScope } from "./scope.ts";

/** The invitee's display name, trimmed, then 1 to 200 characters (the email's local part when omitted). */
export const InviteName = TrimmedText(200);

export const InviteGrant = Schema.Struct({ role: Id, scope: GrantScope });

export const InviteInput = Schema.Struct({
  org: Id,
  emails: Schema.Array(Email).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(50))),
  name: Schema.optionalKey(InviteName),
  language: InviteLanguage,
  grants: Schema.Array(InviteGrant).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20))),
  expiresInDays: Schema.optionalKey(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 90 }))),
  ),
});

/** The invite form's own fields (one invitee at a time; a blank name is left out); the grants come from its access rows. */
export const InviteeForm = Schema.Struct({
  name: TrimmedText(200, 0),
  email: Email,
  language: InviteLanguage,
});

/** The columns a user list sorts by on the server. */
export const UserSortBy = Schema.Literals(["email", "name", "status"]);
export const SortDirection = Schema.Literals(["asc", "desc"]);
/** A user list's order: email A to Z when omitted; ties (equal names or statuses) go by email. */
export const UserSort = Schema.Struct({ by: UserSortBy, direction: SortDirection });

/** `users.list`: one keyset page of an organization's users (or a scope's), searched and sorted on the server. */
export const UserListInput = Schema.Struct({
  org: Id,
  scope: Schema.optionalKey(
    Schema.Struct({
      product: Schema.optionalKey(Id),
      instance: Schema.optionalKey(Id),
      project: Schema.optionalKey(Id),
    }),
  ),
  search: Schema.optionalKey(Text(200)),
  sort: Schema.optionalKey(UserSort),
  /** `nextCursor` of the previous page, made for the same sort. */
  cursor: Schema.optionalKey(Cursor),
  limit: Schema.optionalKey(PageSize(200)),
});

/** `exports.users`: the same users as `users.list` with that input (scope, search, sort), every page, as CSV. */
export const UserExportInput = Schema.Struct({
  org: UserListInput.fields.org,
  scope: UserListInput.fields.scope,
  search: UserListInput.fields.search,
  sort: UserListInput.fields.sort,
});

/** `users.search`: the header's user search, by name or email, over the users the actor may view. */
export const UserSearchInput = Schema.Struct({
  org: Id,
  search: Text(200, 1),
  limit: Schema.optionalKey(PageSize(20)),
});
