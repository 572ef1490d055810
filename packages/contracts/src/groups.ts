// Inputs of the groups router: listing and reading groups, and managing custom groups and their members.
// The API decodes with these and the Admin Center's group forms validate with the same schemas.
import { Schema } from "effect";
import { Id, Name, PageSize } from "./fields.ts";
import { ListPage } from "./list-page.ts";

const Limit = PageSize(200);

export const ListGroupsInput = Schema.Struct({ ...ListPage.fields, org: Id });
export const GetGroupInput = Schema.Struct({
  id: Id,
  cursor: Schema.optionalKey(Id),
  limit: Schema.optionalKey(Limit),
});
export const CreateGroupInput = Schema.Struct({ org: Id, name: Name });
export const GroupMemberInput = Schema.Struct({ groupId: Id, userId: Id });
