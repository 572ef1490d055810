// Every procedure of the app router was made by a declaring builder of authorize.ts, walked from the router tree
// (a procedure added tomorrow is walked too), and no router source decides the organization boundary itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AuthorizationKind, authorizationOf } from "../src/authorization.ts";
import { appRouter } from "../src/root.ts";
import { baseProcedure, router } from "../src/trpc.ts";

type Walked = Record<string, { readonly _def: { readonly meta?: unknown; readonly type?: string } }>;
const tree = appRouter._def.procedures as unknown as Walked;
const procedures = Object.entries(tree);
const ofKind = (kind: AuthorizationKind) =>
  procedures.filter(([, p]) => authorizationOf(p)?.kind === kind).map(([path]) => path);

/** Does `source` compare an actor's organization (`actor.org ===`, `!== ctx.actor.org`, …) with anything? */
const comparesActorOrg = (source: string) =>
  /\bactor\.org\s*[!=]==?|[!=]==?\s*(?:\w+\.)*actor\.org\b/.test(source);

describe("the router tree", () => {
  it("has no procedure that was not built by a declaring builder", () => {
    expect(procedures.length).toBeGreaterThan(60);
    expect(procedures.filter(([, p]) => authorizationOf(p) === undefined).map(([path]) => path)).toEqual([]);
  });

  it("refuses a procedure built on the bare tRPC procedure (the walk can fail)", () => {
    const rogue = router({ leak: baseProcedure.query(() => "everything") });
    const walked = Object.values(rogue._def.procedures as unknown as Walked);
    expect(walked.map((p) => authorizationOf(p))).toEqual([undefined]);
  });

  it("opens exactly the public vocabulary, signing in and accepting an invitation, each with its reason", () => {
    expect(ofKind("public").sort()).toEqual([
      "auth.login",
      "catalog.featureRoles",
      "catalog.products",
      "catalog.role",
      "catalog.webRoleMatrix",
      "invitations.accept",
      "invitations.opening",
    ]);
    expect(ofKind("self").sort()).toEqual(["auth.logout", "auth.me"]);
    expect(ofKind("operator").sort()).toEqual([
      "accessRequests.complete",
      "accessRequests.queue",
      "accessRequests.reject",
      "organizations.create",
      "organizations.inviteFirstAdmin",
      "organizations.list",
      "organizations.setProducts",
    ]);
    for (const path of [...ofKind("public"), ...ofKind("self"), ...ofKind("operator")])
      expect(authorizationOf(tree[path] ?? { _def: {} })?.reason, path).toMatch(/\w+ \w+/);
  });

  it("lets every other procedure declare its engine questions as a query or a mutation", () => {
    const declared = [...ofKind("query"), ...ofKind("mutation")];
    expect(declared.length + 7 + 2 + 7).toBe(procedures.length);
    expect(ofKind("query")).toContain("authz.check");
    expect(ofKind("mutation")).toContain("grants.create");
  });

  it("lets every mutation be rehearsed (may): its authorization runs without its handler", () => {
    // The operator's mutations too (operatorMutation): its console's buttons ask `may` like every other.
    const operatorMutations = ofKind("operator").filter((path) => tree[path]?._def.type === "mutation");
    const mutations = [...ofKind("mutation"), ...operatorMutations];
    expect(mutations).toContain("accessRequests.reject");
    expect(mutations.length).toBeGreaterThan(30);
    expect(
      mutations.filter((path) => authorizationOf(tree[path] ?? { _def: {} })?.rehearse === undefined),
    ).toEqual([]);
  });

  it("leaves the organization boundary to the builders: no router compares the actor's organization", () => {
    expect(comparesActorOrg("if (group.org !== context.actor.org) throw notFound(id);")).toBe(true);
    expect(comparesActorOrg("if (actor.org !== request.partnerOrg) throw notFound(input.id);")).toBe(true);
    expect(comparesActorOrg("const scope: Scope = { org: context.actor.org };")).toBe(false);
    const dir = join(import.meta.dirname, "../src/routers");
    const comparing = readdirSync(dir).filter((file) =>
      comparesActorOrg(readFileSync(join(dir, file), "utf8")),
    );
    expect(comparing).toEqual([]);
  });

  it("writes a user's changes only through ctx.write, which asks its authorization again under the write locks", () => {
    const dir = join(import.meta.dirname, "../src/routers");
    const direct = readdirSync(dir).filter((file) =>
      /\bMutations\b/.test(readFileSync(join(dir, file), "utf8")),
    );
    // Accepting an invitation (public: the system writes) and signing out (one's own session) are no user's grant.
    expect(direct).toEqual(["auth.ts", "invitations.ts"]);
  });

  it("gives routers only `router` from trpc.ts: procedures come from authorize.ts", () => {
    const dir = join(import.meta.dirname, "../src/routers");
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), "utf8");
      const fromTrpc = [...source.matchAll(/import \{([^}]*)\} from "\.\.\/trpc\.ts"/g)].map((m) =>
        m[1]?.trim(),
      );
      for (const names of fromTrpc) expect(names, file).toBe("router");
      expect(source, file).not.toMatch(/@trpc\/server"[^;]*(initTRPC|procedure)/);
    }
  });
});
