// check, checkMany and checkResources once, for tRPC's authz router and the /v1 decision API: who may ask about whom (the
// declarations the authorizing builders enforce) and the engine's answers, in the resource shape it reads fastest.
import { type CheckTableInput, rowResource, unpackIndexes } from "@gatehouse/contracts/check-table";
import { askedActions, type Decision, type Resource, type ResourceAttributes } from "@gatehouse/domain";
import type { Ask, Declared, QueryContext } from "./authorize.ts";
import { seenBy } from "./authorize.ts";
import type { Actor, ApiContext } from "./context.ts";
import { badRequest } from "./refusals.ts";

// Rules: docs/decisions.md#api-authz-questions (who may ask about whom; declared through authorizedQuery).

const USER_VIEW = "admin-center:user.view";

/**
 * The resource in the one shape the engine reads fastest (all six scope keys, then attrs): decoded inputs
 * carry only the keys the caller sent, and many shapes make the engine's property reads megamorphic.
 */
export const oneShape = (r: Resource): Resource => ({
  org: r.org,
  product: r.product,
  instance: r.instance,
  project: r.project,
  environment: r.environment,
  flag: r.flag,
  attrs: r.attrs,
});

/** The administered place a resource lies in: its organization, product, instance and project. */
const adminScope = (r: Resource): Resource =>
  oneShape({
    org: r.org,
    ...(r.product === undefined ? {} : { product: r.product }),
    ...(r.instance === undefined ? {} : { instance: r.instance }),
    ...(r.project === undefined ? {} : { project: r.project }),
  });

/** A user may look at others' access where it may view the users of the place the resource lies in. */
export const userView = (resource: Resource): Ask => {
  const place = adminScope(resource);
  return {
    check: { action: USER_VIEW, resource: place },
    refusal: `You may not view the users of ${placeAsked(place)}, so you may not ask about their access there (needs ${USER_VIEW})`,
  };
};

/** The place a question named, as the caller named it (its deepest key): `project "acme-homepage"`. */
const placeAsked = (place: Resource): string => {
  const [kind, id] =
    place.project !== undefined
      ? ["project", place.project]
      : place.instance !== undefined
        ? ["instance", place.instance]
        : place.product !== undefined
          ? ["product", place.product]
          : ["organization", place.org];
  return `${kind} "${id}"`;
};

const required = (kind: string) => badRequest(`subject: required for ${kind}`);

/** Nothing to declare: the operator's question about others (it has no organization). */
export const SELF: Declared = {};

/** The distinct organizations of the questions' resources, in first-seen order (usually one). */
const orgsOf = (questions: ReadonlyArray<{ readonly resource: Resource }>): string[] => {
  const out: string[] = [];
  for (const q of questions) if (!out.includes(q.resource.org)) out.push(q.resource.org);
  return out;
};

/**
 * Who the answer is about and what that takes, for `actor` asking about `subject` on the questions' resources.
 * A user's question about itself declares only the organizations it is answered in (the partition boundary).
 */
const about = (
  actor: Actor,
  subject: string | undefined,
  questions: ReadonlyArray<{ readonly resource: Resource }>,
): Declared => {
  switch (actor.kind) {
    case "operator":
      if (subject === undefined) throw required("the operator");
      return { subject };
    case "api-key":
      if (subject === undefined) throw required("an API key");
      return { subject, orgs: orgsOf(questions) };
    case "user":
      if (subject === undefined || subject === actor.id) return { answersAbout: orgsOf(questions) };
      return { subject, ask: questions.map((q) => userView(q.resource)) };
  }
};

/** One question (check, explain, whatCan): the input itself carries its resource. */
export const aboutOne = (
  input: { readonly subject?: string; readonly resource: Resource },
  { actor }: QueryContext,
): Declared =>
  actor.kind === "user" && (input.subject === undefined || input.subject === actor.id)
    ? { answersAbout: [input.resource.org] }
    : about(actor, input.subject, [input]);

/** checkResources' declaration: the subject asked about on every resource. */
export const aboutResources = (
  input: { readonly subject?: string; readonly resources: ReadonlyArray<{ readonly resource: Resource }> },
  { actor }: QueryContext,
): Declared => about(actor, input.subject, input.resources);

/** checkMany's declaration: the subject asked about on every check's resource. */
export const aboutChecks = (
  input: { readonly subject?: string; readonly checks: ReadonlyArray<{ readonly resource: Resource }> },
  { actor }: QueryContext,
): Declared => about(actor, input.subject, input.checks);

/** checkTable's declaration: the subject asked about on every path the table sends. */
export const aboutTable = (
  input: Pick<CheckTableInput, "subject" | "ids" | "paths">,
  { actor }: QueryContext,
): Declared =>
  about(
    actor,
    input.subject,
    input.paths.map((row) => ({ resource: rowResource(input.ids, row, undefined) })),
  );

/** The subject asked about: named, or the actor itself. */
export const subjectOf = (actor: Actor, subject: string | undefined): string => subject ?? actor.id;

/** What answering reads: the request's engine and its (authorized) actor. */
type Answering = Pick<ApiContext, "engine"> & { readonly actor: Actor };

/** check's answer, once authorized by `aboutOne`. */
export const decideCheck = (
  { engine, actor }: Answering,
  input: { readonly subject?: string; readonly action: string; readonly resource: Resource },
): Decision => {
  const subject = subjectOf(actor, input.subject);
  return engine.check(subject, input.action, seenBy(engine, actor, subject, oneShape(input.resource)));
};

/** checkMany's answers in the order of its checks, once authorized by `aboutChecks`. */
export const decideChecks = (
  { engine, actor }: Answering,
  input: {
    readonly subject?: string;
    readonly checks: ReadonlyArray<{ readonly action: string; readonly resource: Resource }>;
  },
): Decision[] => {
  const subject = subjectOf(actor, input.subject);
  return input.checks.map((c) =>
    engine.check(subject, c.action, seenBy(engine, actor, subject, oneShape(c.resource))),
  );
};

/** checkResources' answers: per resource in their order, its actions' decisions in theirs, once authorized by `aboutResources`. */
export const decideResources = (
  { engine, actor }: Answering,
  input: {
    readonly subject?: string;
    readonly actions?: ReadonlyArray<string>;
    readonly resources: ReadonlyArray<{
      readonly resource: Resource;
      readonly actions?: ReadonlyArray<string>;
    }>;
  },
): Array<{ readonly decisions: Decision[] }> => {
  const subject = subjectOf(actor, input.subject);
  // Each resource is seen once for all its actions, as checkMany sees it once per check.
  const asks = input.resources.map((r) => ({
    resource: seenBy(engine, actor, subject, oneShape(r.resource)),
    actions: askedActions(input, r),
  }));
  return engine.checkResources(subject, asks).map((decisions) => ({ decisions }));
};

const NO_ATTRIBUTE_SETS: ReadonlyArray<ResourceAttributes> = [];

/**
 * checkTable's answers in the order of its questions, once authorized by `aboutTable`: each path with each of the
 * attribute sets asked of it becomes a resource once, seen as checkMany sees each of its resources, and the engine
 * answers the questions as index pairs into those resources and the actions (`Engine.checkIndexed`).
 */
export const decideTable = ({ engine, actor }: Answering, input: CheckTableInput): Decision[] => {
  const subject = subjectOf(actor, input.subject);
  const { paths } = input;
  // The input's check unpacked them already: a decoded input always unpacks.
  const checks = unpackIndexes(input.checks) as Int16Array;
  const attrs = input.attrs ?? NO_ATTRIBUTE_SETS;
  const resources: Resource[] = [];
  // A resource's index by path, then by attributes' index + 1 (0: none): arrays, which read faster than a Map here.
  const indexOf: Array<Array<number> | undefined> = [];
  const asked = new Int32Array((checks.length / 3) * 2);
  for (let j = 0, q = 0; j < checks.length; j += 3, q += 2) {
    const p = checks[j + 1] as number;
    const t = (checks[j + 2] as number) + 1;
    let byAttrs = indexOf[p];
    if (byAttrs === undefined) {
      byAttrs = [];
      indexOf[p] = byAttrs;
    }
    let r = byAttrs[t];
    if (r === undefined) {
      const row = paths[p] as CheckTableInput["paths"][number];
      const resource = rowResource(input.ids, row, t === 0 ? undefined : attrs[t - 1]);
      r = resources.push(seenBy(engine, actor, subject, resource)) - 1;
      byAttrs[t] = r;
    }
    asked[q] = checks[j] as number;
    asked[q + 1] = r;
  }
  return engine.checkIndexed(subject, input.actions, resources, asked);
};
