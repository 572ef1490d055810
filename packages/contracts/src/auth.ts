// Inputs of sign-in: the login form and `auth.login` decode the same email and password rules.
// Only lengths are checked here; whether the account exists is the server's answer, never the form's.
import { Schema } from "effect";

export const LoginInput = Schema.Struct({
  email: Schema.String.pipe(Schema.check(Schema.isMinLength(3), Schema.isMaxLength(320))),
  password: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(1024))),
});
