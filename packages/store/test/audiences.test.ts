// Audiences of a Feature project on PGlite and PostgreSQL: versioned writes, uses attached and detached within
// the project only, and the audience's resource naming each use with its environment and flag attributes.
import { expect } from "@effect/vitest";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Effect } from "effect";
import { Audiences } from "../src/audiences.ts";
import { Flags } from "../src/flags.ts";
import { Instances } from "../src/instances.ts";
import { StoreLive } from "../src/layer.ts";
import { Organizations } from "../src/organizations.ts";
import { Projects } from "../src/projects.ts";
import { Resources } from "../src/resources.ts";
import { setup } from "./support/store.ts";

/** acme's Feature projects `checkout` (flag `banner`, running) and `other` (flag `elsewhere`). */
const tree = Effect.gen(function* () {
  yield* (yield* Organizations).create({
    id: "acme",
    name: "Acme",
    kind: "customer",
    products: ["experimentation"],
  });
  yield* (yield* Instances).create({ id: "exp", org: "acme", product: "experimentation", name: "Exp" });
  const projects = yield* Projects;
  for (const id of ["checkout", "other"])
    yield* projects.create({ id, org: "acme", instance: "exp", name: id, platform: "feature" });
  const flags = yield* Flags;
  yield* flags.create({
    id: "banner",
    project: "checkout",
    key: "banner",
    name: "Banner",
    status: "running",
  });
  yield* flags.create({ id: "elsewhere", project: "other", key: "elsewhere", name: "Elsewhere" });
});

describeBothBackends(
  "audiences",
  (_getSql, it) => {
    it.effect("attaches and detaches uses at the version read, and builds the audience's resource", () =>
      Effect.gen(function* () {
        yield* tree;
        const audiences = yield* Audiences;
        const created = yield* audiences.create({
          id: "returning",
          project: "checkout",
          key: "returning",
          name: "Returning",
        });
        expect(created.value).toMatchObject({ archived: false, uses: [], version: 1 });
        const use = { flag: "banner", environment: "checkout-production" };
        const attached = yield* audiences.setUse("returning", 1, use, true);
        expect(attached.value).toMatchObject({ uses: [use], version: 2 });
        const { resource } = yield* (yield* Resources).audience("returning");
        expect(resource).toEqual({
          org: "acme",
          product: "experimentation",
          instance: "exp",
          project: "checkout",
          attrs: {
            platform: "feature",
            usedBy: [
              {
                flag: "banner",
                environment: "checkout-production",
                production: true,
                flagStatus: "running",
                flagName: "Banner",
                environmentName: "Production",
              },
            ],
          },
        });
        // a stale version is a conflict and changes nothing
        const stale = yield* Effect.flip(audiences.rename("returning", 1, "Old"));
        expect(stale._tag).toBe("VersionConflict");
        const detached = yield* audiences.setUse("returning", 2, use, false);
        expect(detached.value).toMatchObject({ uses: [], version: 3, name: "Returning" });
        const archived = yield* audiences.archive("returning", 3);
        expect(archived.value).toMatchObject({ archived: true, version: 4 });
        expect((yield* Effect.flip(audiences.setUse("returning", 4, use, true)))._tag).toBe("InvalidChange");
      }).pipe(Effect.provide(StoreLive)),
    );

    it.effect("refuses a use by another project's flag or environment, and a duplicate key", () =>
      Effect.gen(function* () {
        yield* tree;
        const audiences = yield* Audiences;
        yield* audiences.create({ id: "a", project: "checkout", key: "a", name: "A" });
        const foreignFlag = yield* Effect.flip(
          audiences.setUse("a", 1, { flag: "elsewhere", environment: "checkout-production" }, true),
        );
        expect(foreignFlag._tag).toBe("InvalidChange");
        const foreignEnv = yield* Effect.flip(
          audiences.setUse("a", 1, { flag: "banner", environment: "other-production" }, true),
        );
        expect(foreignEnv._tag).toBe("InvalidChange");
        expect((yield* audiences.get("a")).uses).toEqual([]);
        const duplicate = yield* Effect.flip(
          audiences.create({ project: "checkout", key: "a", name: "Again" }),
        );
        expect(duplicate._tag).toBe("AlreadyExists");
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
