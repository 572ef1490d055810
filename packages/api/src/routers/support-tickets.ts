// The platform operator's support-ticket queue: partner access requests on the support-ticket path, each with
// the names of who asked, where, for what, and the customer's approval (who and when), for the console to show.
import { productsById } from "@gatehouse/domain";
import { type AccessRequestRecord, Instances, Operators, Organizations, Users } from "@gatehouse/store";
import { Effect } from "effect";

const PRODUCT = "mission-control";

/** An id with its name (the id itself when the object is gone). */
interface Named {
  readonly id: string;
  readonly name: string;
}

const named = <E, R>(id: string, read: Effect.Effect<{ readonly name: string }, E, R>) =>
  read.pipe(
    Effect.map((found): Named => ({ id, name: found.name })),
    Effect.orElseSucceed((): Named => ({ id, name: id })),
  );

/** A person with its email (null when the account is gone). */
interface Person extends Named {
  readonly email: string | null;
}

const person = (id: string) =>
  Users.use((users) => users.get(id)).pipe(
    Effect.map((user): Person => ({ id, name: user.name, email: user.email })),
    Effect.orElseSucceed((): Person => ({ id, name: id, email: null })),
  );

/** `id` named by `read`, or nothing for no id. */
const maybe = <A, R>(id: string | null, read: (id: string) => Effect.Effect<A, never, R>) =>
  id === null ? Effect.succeed(null) : read(id);

const roleName = (role: string): string =>
  productsById.get(PRODUCT)?.roles.find((r) => r.id === role)?.label ?? role;

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** A support ticket as the operator's queue shows it. */
export const ticketView = (r: AccessRequestRecord) =>
  Effect.gen(function* () {
    const orgs = yield* Organizations;
    const [partner, customer, requester, approver, instance, operator] = yield* Effect.all([
      named(r.partnerOrg, orgs.get(r.partnerOrg)),
      named(r.customerOrg, orgs.get(r.customerOrg)),
      person(r.userId),
      maybe(r.decidedBy, person),
      maybe(r.instance, (id) =>
        named(
          id,
          Instances.use((i) => i.get(id)),
        ),
      ),
      maybe(r.completedBy, (id) =>
        named(
          id,
          Operators.use((o) => o.get(id)),
        ),
      ),
    ]);
    return {
      id: r.id,
      status: r.status,
      ticket: r.ticket,
      partner,
      customer,
      requester,
      role: { id: r.requestedRole, name: roleName(r.requestedRole) },
      /** null: every Mission Control environment of the customer. */
      instance,
      reason: r.note,
      requestedAt: r.createdAt.toISOString(),
      approvedBy: approver,
      approvedAt: iso(r.decidedAt),
      answeredBy: operator,
      answeredAt: iso(r.completedAt),
      version: r.version,
    };
  });
