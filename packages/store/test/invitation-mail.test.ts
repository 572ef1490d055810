// The invitation mail record on PGlite and PostgreSQL: the outbox keeps its messages (per organization, newest
// first), an SMTP delivery keeps only its outcome, and a failure its reason.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { InvitationMail } from "../src/invitation-mail.ts";
import { Invitations } from "../src/invitations.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { Users } from "../src/users.ts";
import { seedRoles, setup } from "./support/store.ts";

const later = () => new Date(Date.now() + 60 * 60 * 1000);

/** An invitation of `email` in `org` (the organization and its user made first). */
const invitationIn = (org: string, email: string) =>
  Effect.gen(function* () {
    yield* (yield* Organizations).create({ id: org, name: org, kind: "customer", products: ["cms"] });
    const user = yield* (yield* Users).create({ org, email, name: "Ida", status: "invited" });
    const made = yield* (yield* Invitations).create({
      org,
      userId: user.value.id,
      email,
      name: "Ida",
      language: "de",
      tokenHash: `hash-${email}`,
      grants: [],
      invitedBy: null,
      expiresAt: later(),
    });
    return made.value;
  });

const message = (org: string, invitationId: string) => ({
  org,
  invitationId,
  recipient: "ida@acme.example",
  language: "de",
  subject: "Einladung",
});

describeBothBackends(
  "invitation mail",
  (_getSql, it) => {
    it.effect("the outbox keeps messages per organization; SMTP deliveries keep their outcome only", () =>
      Effect.gen(function* () {
        yield* seedRoles;
        const acme = yield* invitationIn("acme", "ida@acme.example");
        const globex = yield* invitationIn("globex", "ida@globex.example");
        const mail = yield* InvitationMail;

        const first = yield* mail.record({
          ...message("acme", acme.id),
          transport: "outbox",
          body: "Hallo https://gatehouse.test/admin-center/accept?token=t1",
          error: null,
        });
        expect(first).toMatchObject({ status: "sent", transport: "outbox", invitationId: acme.id });
        const second = yield* mail.record({
          ...message("acme", acme.id),
          transport: "outbox",
          body: "Hallo again",
          error: null,
        });
        yield* mail.record({ ...message("globex", globex.id), transport: "outbox", body: "x", error: null });
        const failed = yield* mail.record({
          ...message("acme", acme.id),
          transport: "smtp",
          body: null,
          error: "connect ECONNREFUSED",
        });
        expect(failed).toMatchObject({ status: "failed", body: null, error: "connect ECONNREFUSED" });

        const outbox = yield* mail.outbox("acme");
        expect(outbox.map((m) => m.id)).toEqual([second.id, first.id]);
        expect((yield* mail.outbox("globex")).map((m) => m.org)).toEqual(["globex"]);
        expect(yield* mail.outbox("nobody")).toEqual([]);

        // An outbox message always has its body; an SMTP one never.
        const bodiless = yield* Effect.exit(
          mail.record({ ...message("acme", acme.id), transport: "outbox", body: null, error: null }),
        );
        expect(bodiless._tag).toBe("Failure");
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
