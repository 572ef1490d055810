// The Add environment form's schema: a name, a key (what SDKs name the environment by) and whether it is a
// production environment; the same field schemas environments.create decodes with.
import { Key, Name } from "@gatehouse/contracts";
import { Option, Schema } from "effect";

export const EnvironmentForm = Schema.Struct({ name: Name, key: Key, production: Schema.Boolean });
export type EnvironmentValues = typeof EnvironmentForm.Type;

/** "QA Staging" → "qa-staging": the key suggested for a name. */
export const keyFor = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);

/** The values decoded (name trimmed) when they make a valid environment, else undefined. */
export const validEnvironment = (values: unknown): EnvironmentValues | undefined =>
  Option.getOrUndefined(Schema.decodeUnknownOption(EnvironmentForm)(values));
