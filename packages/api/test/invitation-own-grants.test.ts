// An invitation extends and withdraws only the grants it gave: a role given at the same place on its own, after
// the invitation's lapsed (it replaces the lapsed flag role), keeps its expiry through resend and stays on revoke.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";
import { invited } from "./support/invited.ts";

const { send, signIn, rows } = demoApi();

const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const newCart = { ...checkout, flag: "acme-new-cart" };

describe("an invitation's own grants", () => {
  it("resend and revoke leave a flag role an administrator gave directly after the invitation lapsed", async () => {
    const administrator = await signIn("exp-administrator@acme.example");
    const { id, userId } = await invited(send, administrator, "lapsed@acme.example", [
      { role: "experimentation:viewer", scope: checkout },
      { role: "experimentation:flag-viewer", scope: newCart },
    ]);
    // Seven days pass: the invitation and the grants it gave lapse together, at one moment.
    const lapsed = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    await rows(`update invitations set expires_at = '${lapsed}' where id = '${id}'`);
    await rows(`update grants set expires_at = '${lapsed}' where subject_user = '${userId}'`);
    const direct = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: userId }, role: "experimentation:flag-viewer", scope: newCart },
      administrator,
    );
    expect(direct.status).toBe(200);
    const directId = (direct.data as { id: string }).id;
    const stored = () =>
      rows<{ expires_at: Date | null }>(`select expires_at from grants where id = '${directId}'`);

    expect((await send("POST", "invitations.resend", { id }, administrator)).status).toBe(200);
    expect(await stored()).toEqual([{ expires_at: null }]);
    // The invitation's own viewer grant was extended with it.
    const viewer = await rows<{ expires_at: Date | null }>(
      `select expires_at from grants where subject_user = '${userId}' and role = 'experimentation:viewer'`,
    );
    expect(viewer[0]?.expires_at?.getTime() ?? 0).toBeGreaterThan(Date.now());

    expect((await send("POST", "invitations.revoke", { id }, administrator)).status).toBe(200);
    expect(await stored()).toEqual([{ expires_at: null }]);
    expect(
      await rows(
        `select id from grants where subject_user = '${userId}' and role = 'experimentation:viewer'`,
      ),
    ).toEqual([]);
  });
});
