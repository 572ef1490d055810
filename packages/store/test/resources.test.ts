// The one resolver from stored ids to the engine's resources, on PGlite and PostgreSQL: each kind with the
// attributes its rows carry, and a row that lies elsewhere answered exactly as a made-up id.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { NotFound } from "../src/errors.ts";
import { Flags } from "../src/flags.ts";
import { Instances } from "../src/instances.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { Projects } from "../src/projects.ts";
import { Resources } from "../src/resources.ts";
import { setup } from "./support/store.ts";

const EXP = { org: "acme", product: "experimentation", instance: "exp" } as const;

/**
 * acme: a Mission Control production instance `site`, the Experimentation instance `exp` with the Feature project
 * `checkout` (production and development) and its running flag `banner` published in production; globex: `gx`.
 */
const tree = Effect.gen(function* () {
  const orgs = yield* Organizations;
  yield* orgs.create({ id: "acme", name: "Acme", kind: "customer", products: ["experimentation"] });
  yield* orgs.create({ id: "globex", name: "Globex", kind: "customer", products: ["experimentation"] });
  const instances = yield* Instances;
  yield* instances.create({
    id: "site",
    org: "acme",
    product: "mission-control",
    name: "Site",
    production: true,
  });
  yield* instances.create({ id: "exp", org: "acme", product: "experimentation", name: "Exp" });
  yield* instances.create({ id: "gx", org: "globex", product: "experimentation", name: "Gx" });
  const projects = yield* Projects;
  yield* projects.create({
    id: "checkout",
    org: "acme",
    instance: "exp",
    name: "Checkout",
    platform: "feature",
  });
  yield* projects.create({ id: "web", org: "acme", instance: "exp", name: "Web", platform: "web" });
  const flags = yield* Flags;
  yield* flags.create({
    id: "banner",
    project: "checkout",
    key: "banner",
    name: "Banner",
    status: "running",
  });
  yield* flags.setState("banner", {
    environment: "checkout-production",
    enabled: true,
    rulesetPublished: true,
  });
});

describeBothBackends(
  "resources from stored ids",
  (_getSql, it) => {
    it.effect("builds each kind with the attributes its rows carry", () =>
      Effect.gen(function* () {
        yield* tree;
        const { resolve } = yield* Resources;
        expect(yield* resolve({ org: "acme" })).toEqual({ org: "acme" });
        expect(yield* resolve({ org: "acme", product: "mission-control", instance: "site" })).toEqual({
          org: "acme",
          product: "mission-control",
          instance: "site",
          attrs: { production: true },
        });
        // An instance without a production mark carries no attribute (a project-level check would fail closed).
        expect(yield* resolve(EXP)).toEqual(EXP);
        expect(yield* resolve({ ...EXP, project: "web" })).toEqual({
          ...EXP,
          project: "web",
          attrs: { platform: "web" },
        });
        const checkout = { ...EXP, project: "checkout" };
        expect(yield* resolve({ ...checkout, environment: "checkout-development" })).toEqual({
          ...checkout,
          environment: "checkout-development",
          attrs: { platform: "feature", production: false },
        });
        expect(yield* resolve({ ...checkout, flag: "banner" })).toEqual({
          ...checkout,
          flag: "banner",
          attrs: { platform: "feature", flagStatus: "running" },
        });
        expect(yield* resolve({ ...checkout, environment: "checkout-production", flag: "banner" })).toEqual({
          ...checkout,
          environment: "checkout-production",
          flag: "banner",
          attrs: { platform: "feature", production: true, flagStatus: "running", rulesetPublished: true },
        });
        // No stored state in development: unpublished.
        expect(
          (yield* resolve({ ...checkout, environment: "checkout-development", flag: "banner" })).attrs,
        ).toEqual({ platform: "feature", production: false, flagStatus: "running", rulesetPublished: false });
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("answers a row that lies elsewhere exactly as a made-up id", () =>
      Effect.gen(function* () {
        yield* tree;
        const { resolve } = yield* Resources;
        const failure = (scope: Parameters<typeof resolve>[0]) =>
          resolve(scope).pipe(
            Effect.flip,
            Effect.map((e) => e.message),
          );
        // Another organization's instance, or one of another product: the words a made-up id gets.
        expect(yield* failure({ org: "globex", product: "experimentation", instance: "exp" })).toBe(
          new NotFound({ kind: "instance", id: "exp" }).message,
        );
        expect(yield* failure({ org: "globex", product: "experimentation", instance: "made-up" })).toBe(
          'No instance "made-up"',
        );
        expect(yield* failure({ org: "acme", product: "mission-control", instance: "exp" })).toBe(
          'No instance "exp"',
        );
        // A project of another instance, an environment or a flag of another project.
        expect(
          yield* failure({ org: "globex", product: "experimentation", instance: "gx", project: "checkout" }),
        ).toBe('No project "checkout"');
        expect(yield* failure({ ...EXP, project: "web", environment: "checkout-production" })).toBe(
          'No environment "checkout-production"',
        );
        expect(yield* failure({ ...EXP, project: "web", flag: "banner" })).toBe('No flag "banner"');
        expect(yield* failure({ ...EXP, project: "checkout", flag: "made-up" })).toBe('No flag "made-up"');
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
