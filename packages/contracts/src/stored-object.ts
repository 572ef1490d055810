// Inputs that name a stored object at the version the caller read, shared by every router that removes or renames
// one (instances, projects, environments, grants, groups, custom roles): a stale version is a CONFLICT.
import { Schema } from "effect";
import { Id, Name, Version } from "./fields.ts";

/** An object's id and the version the caller read (a remove, or the base of a change). */
export const AtVersionInput = Schema.Struct({ id: Id, version: Version });

/** A new display name for an object at the version the caller read. */
export const RenameInput = Schema.Struct({ ...AtVersionInput.fields, name: Name });
