// Inputs of the groups router: listing and reading groups, and managing custom groups and their members.
// The API decodes with these and the Admin Center's group forms validate with the same schemas.
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));
const Version = Schema.Number.pipe(Schema.check(Schema.isInt()));
const Name = Schema.Trim.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(100)));
const Limit = Schema.Number.pipe(
  Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 200 })),
);

export const ListGroupsInput = Schema.Struct({ org: Id });
export const GetGroupInput = Schema.Struct({
  id: Id,
  cursor: Schema.optionalKey(Id),
  limit: Schema.optionalKey(Limit),
});
export const CreateGroupInput = Schema.Struct({ org: Id, name: Name });
export const RenameGroupInput = Schema.Struct({ id: Id, version: Version, name: Name });
export const RemoveGroupInput = Schema.Struct({ id: Id, version: Version });
export const GroupMemberInput = Schema.Struct({ groupId: Id, userId: Id });
