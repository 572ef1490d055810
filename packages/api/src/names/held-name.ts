// What people call a grant someone holds: its role's name, or, for a single permission given without a role, the
// catalog's label of its action ("Restart sites"), never an id.
import type { Engine } from "@gatehouse/domain";
import { actionLabel } from "./action-label.ts";

/** A grant held: a role's id, or a single permission's action (`single`). */
export interface Held {
  readonly role: string;
  readonly single: boolean;
}

export const heldName = (engine: Engine, held: Held): string =>
  held.single ? actionLabel(held.role) : (engine.roleName(held.role) ?? held.role);
