// Inputs of sign-in: the login form and `auth.login` decode the same email and password rules.
// Only lengths are checked here; whether the account exists is the server's answer, never the form's.
import { Schema } from "effect";
import { Text } from "./fields.ts";

export const LoginInput = Schema.Struct({
  email: Text(320, 3),
  password: Text(1024, 1),
});
