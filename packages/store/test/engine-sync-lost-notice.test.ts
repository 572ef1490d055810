// A write whose change notification never arrives (a listener or driver dropped it) is still answered: after the
// notice grace, EngineSync reloads its engine, which reads the change, instead of the write waiting forever.
import { expect } from "@effect/vitest";
import { Notifications } from "@gatehouse/db";
import { describeBothBackends } from "@gatehouse/db/testing";
import type { Resource } from "@gatehouse/domain";
import { Context, Effect, Layer, Option, Stream } from "effect";
import { EngineSync } from "../src/engine-sync.ts";
import { Grants } from "../src/grants.ts";
import { StoreLive } from "../src/layer.ts";
import { Mutations } from "../src/mutations.ts";
import { seedDemo } from "../src/seed-demo.ts";
import { setup } from "./support/store.ts";

const production: Resource = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};

/** Notifications whose listeners never hear a notice naming `lost`. */
const dropping = (lost: string) =>
  Layer.effect(
    Notifications,
    Effect.map(Effect.service(Notifications), (notifications) => ({
      ...notifications,
      subscribe: (channel: string) =>
        Effect.map(
          notifications.subscribe(channel),
          Stream.filter((payload: string) => !payload.includes(lost)),
        ),
    })),
  );

describeBothBackends(
  "a lost change notice",
  (_getSql, it) => {
    it.effect("is made up for by a reload once the grace passes, and the write is answered", () =>
      Effect.gen(function* () {
        yield* seedDemo();
        const sync = Context.get(
          yield* Layer.build(
            EngineSync.layerWith({ noticeGrace: "200 millis" }).pipe(Layer.provide(dropping('"g-lost"'))),
          ),
          EngineSync,
        );
        const done = yield* (yield* Mutations).mutate({
          actor: { kind: "system" },
          org: "acme",
          action: "grant.create",
          target: { kind: "grant", id: "g-lost" },
          run: (yield* Grants).create({
            id: "g-lost",
            subject: { kind: "user", id: "demo-customeruser" },
            role: "mission-control:customerDev",
            scope: { org: "acme", product: "mission-control" },
          }),
        });
        // Without a reload this wait would never end: no notice naming the grant reaches this listener.
        expect(yield* Effect.timeoutOption(sync.awaitApplied(done.auditId), "60 seconds")).toEqual(
          Option.some(undefined),
        );
        expect(sync.engine.check("demo-customeruser", "mission-control:code.deploy", production)).toBe(
          "allow",
        );
      }).pipe(Effect.provide(StoreLive)),
    );
  },
  { setup },
);
