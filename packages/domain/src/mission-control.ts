// The Mission Control rules that hold no engine: its action names and when an operation may be scheduled. A leaf
// the contracts and the apps import alone (`@gatehouse/domain/mission-control`), without the catalog or the engine.
export * from "./catalog/products/mission-control-actions.ts";
export * from "./rules/operation-schedule.ts";
