// Setting a flag's status is asked about both the stored and the target status: an editor, who cannot launch in
// production, cannot move a draft flag to running (nothing written), a publisher can.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface FlagView {
  readonly id: string;
  readonly status: string;
  readonly version: number;
}

describe("flags.setStatus", () => {
  it("an editor may not run a draft flag nor stop a running one; a publisher may", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const stored = () =>
      rows<{ id: string; status: string; version: number }>(
        "select id, status, version from flags where id in ('acme-dark-mode', 'acme-new-cart') order by id",
      );
    const before = await stored();
    const audits = await auditCount();
    for (const [id, status] of [
      ["acme-dark-mode", "running"],
      ["acme-new-cart", "paused"],
    ] as const) {
      const version = before.find((flag) => flag.id === id)?.version;
      const refused = await send("POST", "flags.setStatus", { id, version, status }, editor);
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toContain("experimentation:flag.toggle");
    }
    expect(await auditCount()).toBe(audits);
    expect(await stored()).toEqual(before);

    // Between draft and paused the flag stays off: the editor may; the publisher launches it.
    const paused = await send(
      "POST",
      "flags.setStatus",
      { id: "acme-dark-mode", version: before[0]?.version, status: "paused" },
      editor,
    );
    expect(paused.status).toBe(200);
    const publisher = await signIn("exp-publisher@acme.example");
    const flag = paused.data as FlagView;
    const running = await send(
      "POST",
      "flags.setStatus",
      { id: flag.id, version: flag.version, status: "running" },
      publisher,
    );
    expect(running.status).toBe(200);
    expect(running.data).toMatchObject({ status: "running" });
  });
});
