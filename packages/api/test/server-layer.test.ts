// Server start-up on a fresh embedded database: migrations, system roles and demo data come first, then the
// engine is loaded from what was stored, and the app serves over it. A second start changes nothing.
import { layerPglite } from "@gatehouse/db";
import { EngineSync } from "@gatehouse/store";
import { Effect, ManagedRuntime } from "effect";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { serverLayer } from "../src/server-layer.ts";

const production = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};

describe("server start-up", () => {
  it("loads the demo world into the engine and serves it", async () => {
    const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
    try {
      const sync = await runtime.runPromise(Effect.service(EngineSync));
      const engine = sync.engine;
      expect(engine.check("demo-customeruser", "mission-control:site.restart", production)).toBe("allow");
      expect(engine.check("demo-customeruser", "mission-control:code.deploy", production)).toBe("deny");
      expect(engine.landing("demo-admin")).toBe("products");
      const res = await createApp({ engine: () => sync.engine }).request("/healthz");
      expect(res.status).toBe(200);
    } finally {
      await runtime.dispose();
    }
  });
});
