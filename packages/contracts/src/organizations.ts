// Inputs of provisioning (`organizations.*`), the platform operator's: the API decodes with them and the
// operator's console validates its form with them, so both refuse the same ids and names with the same words.
import { Schema } from "effect";
import { MAX_ID_LENGTH, Name, Text } from "./fields.ts";

/** A new organization's id: a lower-case letter or digit, then up to 62 of those or `-`. */
export const OrganizationId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,62}$/u, {
      message: "use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit",
    }),
  ),
);

export const OrganizationKind = Schema.Literals(["customer", "partner"]);

/** The products an organization enables, by catalog id (the API refuses one the catalog does not know). */
export const EnabledProducts = Schema.Array(Text(MAX_ID_LENGTH));

export const OrganizationCreateInput = Schema.Struct({
  id: OrganizationId,
  name: Name,
  kind: OrganizationKind,
  products: Schema.optionalKey(EnabledProducts),
});
