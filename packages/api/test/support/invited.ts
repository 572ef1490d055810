// Invites one email to acme through users.invite, as an admin does: the invitation's id, its accept token and
// the invited user's id, for tests that accept it (or race to) themselves.
import { expect } from "vitest";
import type { Answer, Call } from "./trpc-request.ts";

type Send = (method: "GET" | "POST", path: string, input: unknown, call: Call) => Promise<Answer>;

/** `admin` invites `email` to acme with `grants`; the invitation's id, its token and the user's id. */
export const invited = async (
  send: Send,
  admin: Call,
  email: string,
  grants: ReadonlyArray<{ readonly role: string; readonly scope: object }>,
) => {
  const answer = await send(
    "POST",
    "users.invite",
    { org: "acme", emails: [email], language: "en", grants },
    admin,
  );
  expect(answer.status).toBe(200);
  const [one] = (
    answer.data as { invited: { invitationId: string; acceptUrl: string; user: { id: string } }[] }
  ).invited;
  const token = new URL(one?.acceptUrl ?? "", "http://localhost").searchParams.get("token");
  return { id: one?.invitationId ?? "", token, userId: one?.user.id ?? "" };
};
