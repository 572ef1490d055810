// Who may read an organization's decision data from the /v1 streams (snapshot and changes): the request's actor,
// authorized by authorize.ts's authorizeOrgData with the question users.list asks of the whole organization.
import type { Engine } from "@gatehouse/domain";
import type { Partition } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { Effect } from "effect";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { sessionCookie } from "../auth/policy.ts";
import { type Presented, resolveActor } from "../auth/resolve-actor.ts";
import { runWith, type StoreRunner } from "../auth/store-runner.ts";
import { authorizeOrgData } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { viewPeopleAt } from "../read-questions.ts";
import { NotServedHere, SIGN_IN } from "../refusals.ts";

/** What the streams are built with. */
export interface OrgDataOptions {
  /** Runs store Effects; without one every request is anonymous and answered 401. */
  readonly store?: StoreRunner | undefined;
  /** The current engine, which decides a signed-in user's question. */
  readonly engine: () => Engine;
  /** The organizations this node holds: another's reader is answered 421 (authorize.ts). */
  readonly partition?: Partition | undefined;
}

/** An authorized reader: its actor, its organization, and how to ask again whether it still may read. */
export interface OrgReader {
  readonly actor: Actor;
  readonly org: string;
  readonly store: StoreRunner;
  /** The credentials it presented (a stream watches its API key's revocation: auth/key-watch.ts). */
  readonly presented: Presented;
  /** Resolves the credentials again and asks the question again (a revoked key or lost right ends a stream). */
  readonly stillAllowed: () => Promise<boolean>;
}

/**
 * The whole organization's users, groups and grants: an API key of the organization, or a user the engine allows
 * to view the people of the whole organization (a super admin), as users.list and grants.list at the organization.
 */
const question = (org: string) => viewPeopleAt({ org });

const decide = (engine: Engine, actor: Actor | undefined, partition: Partition | undefined): string =>
  authorizeOrgData(engine, actor, question, partition);

/** The refusal as JSON with its HTTP status, in the words tRPC would use. */
const refusal = (c: Context, error: TRPCError) =>
  c.json(
    { error: { code: error.code, message: error.message } },
    error.cause instanceof NotServedHere ? 421 : (getHTTPStatusCodeFromError(error) as 401 | 403),
  );

/** Authorizes the request: the reader, or the response refusing it (401 without credentials, 403 refused). */
export const orgReader = async (c: Context, options: OrgDataOptions): Promise<OrgReader | Response> => {
  const store = options.store;
  if (store === undefined) return refusal(c, new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN }));
  const presented: Presented = {
    authorization: c.req.header("authorization"),
    sessionToken: getCookie(c, sessionCookie),
  };
  const { actor } = await runWith(store, resolveActor(presented));
  let org: string;
  try {
    org = decide(options.engine(), actor, options.partition);
  } catch (error) {
    if (error instanceof TRPCError) return refusal(c, error);
    throw error;
  }
  const stillAllowed = async () => {
    const again = await runWith(
      store,
      Effect.map(resolveActor(presented), (resolved) => resolved.actor),
    );
    if (again === undefined || actor === undefined || again.id !== actor.id) return false;
    try {
      return decide(options.engine(), again, options.partition) === org;
    } catch {
      return false;
    }
  };
  // authorizeOrgData refuses a request without an actor, so one is here.
  return { actor: actor as Actor, org, store, presented, stillAllowed };
};
