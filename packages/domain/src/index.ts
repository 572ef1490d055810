// @gatehouse/domain: the permission model's vocabulary, catalog and decision engine.
// Everything a product backend, the API or a UI needs to ask "may this subject do this here?".

export * from "./catalog/audience-roles.ts";
export * from "./catalog/condition.ts";
export * from "./catalog/feature-roles.ts";
export { products, productsById, spanningProducts, spansProducts } from "./catalog/index.ts";
export { projectRoleOrder } from "./catalog/products/experimentation.ts";
export * from "./catalog/products/mission-control-actions.ts";
export type * from "./catalog/types.ts";
export type { AssignDecision, Assignment } from "./engine/assign.ts";
export type { AudienceRoleAnswer } from "./engine/audience-role.ts";
export { type Decision, Engine, type SubjectFacts } from "./engine/engine.ts";
export type * from "./engine/explanation.ts";
export { impossibleResource } from "./engine/impossible-grant.ts";
export type { Landing } from "./engine/landing.ts";
export type { AdminSection } from "./engine/sections.ts";
export type { CustomRoleInput, GrantInput, OrgSettings } from "./engine/snapshot.ts";
export {
  type MatrixCell,
  type MatrixNote,
  matrixNotes,
  type WebRoleMatrix,
  webRoleMatrix,
} from "./engine/web-role-matrix.ts";
export type { ActionsDiff, GrantChange, NewGrant, SubjectDiff, WhatIf } from "./engine/what-if.ts";
export * from "./model/asked-actions.ts";
export * from "./model/errors.ts";
export * from "./model/expiry.ts";
export * from "./model/ids.ts";
export * from "./model/resource.ts";
export * from "./model/scope.ts";
export * from "./rules/access-request.ts";
export * from "./rules/access-request-readers.ts";
export * from "./rules/account-status.ts";
export * from "./rules/custom-role.ts";
export * from "./rules/entity-roles.ts";
export * from "./rules/flag-creator.ts";
export * from "./rules/flag-launch.ts";
export * from "./rules/flag-visibility.ts";
export * from "./rules/instance-removal.ts";
export * from "./rules/invalid-transition.ts";
export * from "./rules/invitation.ts";
export * from "./rules/operation-schedule.ts";
export * from "./rules/operation-start.ts";
export * from "./rules/own-standing.ts";
export * from "./rules/project-creator.ts";
export { AppliedPositions } from "./sync/applied-positions.ts";
export { applyChange } from "./sync/apply-change.ts";
export type { Change } from "./sync/change.ts";
export { loadRow, type SnapshotRow } from "./sync/snapshot-row.ts";
