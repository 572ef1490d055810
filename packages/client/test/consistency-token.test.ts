// The client's consistency tokens: the highest token seen is kept (compared as numbers), answers' Gatehouse-Token
// headers are recorded from a real loopback server, and the check batcher asks its checkMany `atLeast` it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createCheckBatcher } from "../src/check-batcher.ts";
import { createTokenKeeper, recordingFetch } from "../src/consistency-token.ts";
import type { GatehouseClient } from "../src/trpc.ts";

describe("consistency tokens in the client", () => {
  it("keeps the highest token seen, as a number, and ignores what is not one", () => {
    const tokens = createTokenKeeper();
    expect(tokens.latest()).toBeUndefined();
    for (const seen of ["9", null, undefined, "", "abc", "-5", "10", "2"]) tokens.saw(seen);
    expect(tokens.latest()).toBe("10");
  });

  it("records the Gatehouse-Token of every answer fetched", async () => {
    let next = 0;
    const answers = ["41", undefined, "7"];
    const server = createServer((_req, res) => {
      const token = answers[next++];
      if (token !== undefined) res.setHeader("Gatehouse-Token", token);
      res.end("{}");
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    try {
      const { port } = server.address() as AddressInfo;
      const tokens = createTokenKeeper();
      const get = recordingFetch(tokens);
      await get(`http://127.0.0.1:${port}/`, { signal: undefined });
      expect(tokens.latest()).toBe("41");
      await get(`http://127.0.0.1:${port}/`);
      await get(`http://127.0.0.1:${port}/`);
      expect(tokens.latest()).toBe("41");
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it("asks checkMany atLeast the newest token, and without one before any was seen", async () => {
    const asked: unknown[] = [];
    const client = {
      authz: {
        checkMany: {
          mutate: async (input: { readonly checks: ReadonlyArray<unknown> }) => {
            asked.push(input);
            return input.checks.map(() => "allow");
          },
        },
      },
    } as unknown as GatehouseClient;
    const tokens = createTokenKeeper();
    const checks = createCheckBatcher(client, tokens);
    const resource = { org: "acme" };
    expect(await checks.check("admin-center:user.view", resource)).toBe(true);
    tokens.saw("123");
    expect(await checks.check("admin-center:user.view", resource)).toBe(true);
    expect(asked).toEqual([
      { checks: [{ action: "admin-center:user.view", resource }] },
      { checks: [{ action: "admin-center:user.view", resource }], atLeast: "123" },
    ]);
  });
});
