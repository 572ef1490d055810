// Who signs in with an email and a password: an active user or a platform operator. An unknown email costs
// the same scrypt work as a wrong password (a dummy hash), so timing does not tell accounts apart.
import { randomBytes } from "node:crypto";
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Written } from "./changes.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/** A verified account: a user (with its home organization) or an operator (no organization). */
export type SignedInAccount =
  | { readonly kind: "user"; readonly id: string; readonly org: string }
  | { readonly kind: "operator"; readonly id: string };

export interface CredentialsShape {
  /**
   * The account `email` (case-insensitive) and `password` sign in as, or undefined for an unknown email, a
   * wrong password, or a user who is not active: the same scrypt work in every case. `"deactivated"` only for
   * the right password of a deactivated account: whoever knows it learns nothing a sign-in would not tell.
   */
  readonly verify: (
    email: string,
    password: string,
  ) => Effect.Effect<SignedInAccount | "deactivated" | undefined>;
  /** Records a successful sign-in (`last_login_at`); meant to run inside the login's mutation. */
  readonly markSignedIn: (account: SignedInAccount) => Effect.Effect<Written<null>>;
}

interface CredentialRow {
  readonly kind: "user" | "operator";
  readonly id: string;
  readonly org: string | null;
  readonly status: string;
  readonly passwordHash: string | null;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  // Verified when the email is unknown or has no password yet, so those cases cost a real scrypt run too.
  const dummyHash = yield* hashPassword(randomBytes(32).toString("base64"));

  const verify = Effect.fn("Credentials.verify")(function* (email: string, password: string) {
    const rows = yield* Effect.orDie(
      sql<CredentialRow>`select 'user' as kind, id, org, status, password_hash as "passwordHash"
                           from users where lower(email) = lower(${email})
                         union all
                         select 'operator' as kind, id, null as org, 'active' as status, password_hash as "passwordHash"
                           from operators where lower(email) = lower(${email})`,
    );
    // Users come first: the application refuses an operator email that a user already has.
    const row = rows.find((r) => r.kind === "user") ?? rows[0];
    const matches = yield* verifyPassword(password, row?.passwordHash ?? dummyHash);
    if (!matches || row === undefined || row.passwordHash === null) return undefined;
    if (row.status === "deactivated") return "deactivated";
    if (row.status !== "active") return undefined;
    if (row.kind === "operator") return { kind: "operator", id: row.id } satisfies SignedInAccount;
    if (row.org === null) return undefined;
    return { kind: "user", id: row.id, org: row.org } satisfies SignedInAccount;
  });

  const markSignedIn = Effect.fn("Credentials.markSignedIn")(function* (account: SignedInAccount) {
    if (account.kind === "user")
      yield* Effect.orDie(sql`update users set last_login_at = now() where id = ${account.id}`);
    else yield* Effect.orDie(sql`update operators set last_login_at = now() where id = ${account.id}`);
    return { value: null, before: null, after: null, changes: [] } satisfies Written<null>;
  });

  return { verify, markSignedIn } satisfies CredentialsShape;
});

export class Credentials extends Context.Service<Credentials, CredentialsShape>()(
  "@gatehouse/store/Credentials",
) {
  static readonly layer = Layer.effect(Credentials, make);
}
