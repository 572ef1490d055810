// An Experimentation project inside an instance, on the Web or the Feature platform.
// The platform decides which action table and which roles apply (restricted roles are Web only).
import { Schema } from "effect";
import { InstanceId, OrgId, ProjectId } from "./ids.ts";

export const ProjectPlatform = Schema.Literals(["web", "feature"]);

export class Project extends Schema.Class<Project>("Project")({
  id: ProjectId,
  org: OrgId,
  instance: InstanceId,
  name: Schema.String,
  platform: ProjectPlatform,
}) {}
