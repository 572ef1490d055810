// Identifiers the application generates (the schema has no server-side ids): a prefix and random hex.
// Prefixes keep user and group ids apart, which the engine's subject map requires.
import { randomUUID } from "node:crypto";

/** A new id such as `usr_3f2a…` (32 hex characters after the prefix). */
export const newId = (prefix: string): string => `${prefix}_${randomUUID().replaceAll("-", "")}`;
