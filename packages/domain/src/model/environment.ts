// A Feature Experimentation environment; the primary one is `production: true`.
// Every project starts with production and development; more can be added, and the primary can change.
import { Schema } from "effect";
import { EnvironmentId, ProjectId } from "./ids.ts";

export class Environment extends Schema.Class<Environment>("Environment")({
  id: EnvironmentId,
  project: ProjectId,
  name: Schema.String,
  production: Schema.Boolean,
}) {}
