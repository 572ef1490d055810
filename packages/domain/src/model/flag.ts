// A Feature Experimentation flag with its status; editors' audience rights follow the status.
// Whoever creates a flag becomes its flag admin.
import { Schema } from "effect";
import { FlagId, ProjectId } from "./ids.ts";
import { FlagStatus } from "./resource.ts";

export class Flag extends Schema.Class<Flag>("Flag")({
  id: FlagId,
  project: ProjectId,
  key: Schema.String,
  status: FlagStatus,
}) {}
