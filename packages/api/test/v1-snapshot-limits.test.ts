// GET /v1/snapshot holds a place while a snapshot is read and sent: a reader asking for more at once than its
// places is answered 429 with Retry-After and the limit in words, and has its places back once they end.
import { describe, expect, it } from "vitest";
import { snapshotLimits } from "../src/v1/snapshot-stream.ts";
import { demoApi } from "./support/demo-api.ts";

describe("GET /v1/snapshot's places", () => {
  const api = demoApi("pglite");

  it("refuses a reader the snapshots beyond its places while they are under way, and serves it after", async () => {
    const admin = await api.signIn("admin@acme.example");
    const created = await api.send("POST", "apiKeys.create", { name: "Snapshot reader" }, admin);
    const headers = { authorization: `Bearer ${(created.data as { key: string }).key}` };
    const snapshot = () => api.app().request("http://localhost/v1/snapshot", { headers });
    const asked = snapshotLimits.perActor + 1;
    // Asked at once: on PGlite's one connection every sign-in is read before any snapshot's rows, so all the
    // places are taken before the first is given back.
    const burst = await Promise.all(Array.from({ length: asked }, snapshot));
    expect(burst.map((res) => res.status).sort()).toEqual([
      ...Array.from({ length: snapshotLimits.perActor }, () => 200),
      429,
    ]);
    const refused = burst.find((res) => res.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("5");
    expect(await refused?.json()).toEqual({
      error: {
        code: "TOO_MANY_REQUESTS",
        message: `At most ${snapshotLimits.perActor} snapshots may be open at once per API key or account: close one and try again`,
      },
    });
    const served = burst.filter((res) => res.status === 200);
    for (const res of served) {
      const lines = (await res.text()).trim().split("\n");
      expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({ type: "end" });
    }
    // Their places came back with their ends.
    const again = await Promise.all(Array.from({ length: snapshotLimits.perActor }, snapshot));
    expect(again.map((res) => res.status)).toEqual(again.map(() => 200));
    await Promise.all(again.map((res) => res.text()));
  });
});
