// The vocabulary of engine changes: what a committed mutation did, in terms an engine applies. The server's
// notifications, its engine sync and the SDK's change stream all speak it (apply-change.ts applies it).
import type { GrantInput } from "../engine/snapshot.ts";

export type Change =
  | {
      readonly type: "org.set";
      readonly org: string;
      readonly kind: "customer" | "partner";
      readonly products: ReadonlyArray<string>;
    }
  | { readonly type: "user.added"; readonly user: string; readonly org: string }
  | { readonly type: "user.deactivated"; readonly user: string }
  | { readonly type: "user.reactivated"; readonly user: string }
  | { readonly type: "group.added"; readonly group: string; readonly org: string }
  | { readonly type: "subject.removed"; readonly subject: string }
  | { readonly type: "member.added"; readonly group: string; readonly user: string }
  | { readonly type: "member.removed"; readonly group: string; readonly user: string }
  | { readonly type: "grant.added"; readonly grant: GrantInput }
  | { readonly type: "grant.removed"; readonly grant: string }
  | {
      readonly type: "role.set";
      readonly role: string;
      readonly product: string;
      /** The organization a custom role belongs to (absent in notices written before it was sent). */
      readonly org?: string;
      /** The instance a custom role was made for (absent for one made product-wide, and in older notices). */
      readonly instance?: string;
      readonly label: string;
      readonly permissions: ReadonlyArray<string>;
    }
  | { readonly type: "role.removed"; readonly role: string }
  /** Too large to describe in one notification: listeners reload their snapshot. */
  | { readonly type: "resync" };
