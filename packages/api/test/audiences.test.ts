// Audiences of acme's Feature project Checkout over HTTP: edit and archive decided by the audience role (the lowest
// over the flags and environments using it), attach/detach by the ruleset, refusals change nothing, and another
// organization's audience answers exactly as a made-up one.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface AudienceRow {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly archived: boolean;
  readonly uses: ReadonlyArray<{ flagName: string | null; environmentName: string }>;
}

const stored = () =>
  rows<{ id: string; name: string; archived: boolean; version: number; uses: string }>(
    `select a.id, a.name, a.archived, a.version,
            coalesce(string_agg(u.flag || '@' || u.environment, ',' order by u.flag, u.environment), '') as uses
     from audiences a left join audience_uses u on u.audience = a.id group by a.id order by a.id`,
  );
const versionOf = async (id: string) => (await stored()).find((a) => a.id === id)?.version ?? 0;

/** The call is refused with `status`, and neither the audiences nor the audit log changed. */
const refusedUnchanged = async (status: number, call: () => ReturnType<typeof send>) => {
  const [before, audits] = [await stored(), await auditCount()];
  const answer = await call();
  expect(answer.status).toBe(status);
  expect(await stored()).toEqual(before);
  expect(await auditCount()).toBe(audits);
  return answer.error?.message ?? "";
};

describe("audiences", () => {
  it("lists the project's audiences with the flags and environments using them", async () => {
    const viewer = await signIn("exp-flag-viewer@acme.example");
    const list = await send("GET", "audiences.list", { project: "acme-checkout" }, viewer);
    expect(list.status).toBe(200);
    const audiences = list.data as ReadonlyArray<AudienceRow>;
    expect(audiences.map((a) => a.name)).toEqual(["Beta testers", "Mobile visitors", "Returning customers"]);
    expect(audiences.find((a) => a.id === "acme-returning")?.uses).toEqual([
      expect.objectContaining({ flagName: "New cart", environmentName: "Development" }),
      expect.objectContaining({ flagName: "New cart", environmentName: "Production" }),
    ]);
  });

  it("refuses editing an audience a flag-viewer's flag uses, naming the use; another audience is editable", async () => {
    const flagViewer = await signIn("exp-flag-viewer@acme.example");
    const version = await versionOf("acme-returning");
    const reason = await refusedUnchanged(403, () =>
      send("POST", "audiences.rename", { id: "acme-returning", version, name: "Loyal" }, flagViewer),
    );
    expect(reason).toContain("audience role Viewer");
    // flag-viewer is New cart's role (in Production at least): the first use it lowers is named
    expect(reason).toMatch(/Flag Viewer on flag New cart in environment (Development|Production)/);
    const may = await send(
      "GET",
      "may",
      { procedure: "audiences.archive", input: { id: "acme-returning", version } },
      flagViewer,
    );
    expect(may.data).toMatchObject({ allowed: false, code: "FORBIDDEN" });

    const beta = await send(
      "POST",
      "audiences.rename",
      { id: "acme-beta", version: await versionOf("acme-beta"), name: "Beta group" },
      flagViewer,
    );
    expect(beta.status).toBe(200);
    expect(beta.data).toMatchObject({ name: "Beta group" });
    expect((await stored()).find((a) => a.id === "acme-beta")?.name).toBe("Beta group");
  });

  it("an editor may not archive an audience a running flag uses; a publisher may", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const version = await versionOf("acme-returning");
    const reason = await refusedUnchanged(403, () =>
      send("POST", "audiences.archive", { id: "acme-returning", version }, editor),
    );
    expect(reason).toContain("flagStatus is one of draft, paused");
    const publisher = await signIn("exp-publisher@acme.example");
    const archived = await send("POST", "audiences.archive", { id: "acme-returning", version }, publisher);
    expect(archived.status).toBe(200);
    expect(archived.data).toMatchObject({ archived: true });
    // archived: no further edit, a clear bad request naming the field
    const again = await refusedUnchanged(400, () =>
      send("POST", "audiences.rename", { id: "acme-returning", version: version + 1, name: "X" }, publisher),
    );
    expect(again).toContain("id:");
  });

  it("creates by audience.create and attaches by the ruleset's experiment.audiences.edit", async () => {
    const viewer = await signIn("exp-viewer@acme.example");
    await refusedUnchanged(403, () =>
      send("POST", "audiences.create", { project: "acme-checkout", key: "vip", name: "VIP" }, viewer),
    );
    const publisher = await signIn("exp-publisher@acme.example");
    const created = await send(
      "POST",
      "audiences.create",
      { project: "acme-checkout", key: "vip", name: "VIP" },
      publisher,
    );
    expect(created.status).toBe(200);
    const vip = created.data as AudienceRow;
    const use = {
      id: vip.id,
      version: vip.version,
      flag: "acme-dark-mode",
      environment: "acme-checkout-production",
    };
    // an editor cannot change an experiment's audiences in production (the seed's footnote *)
    const editor = await signIn("exp-editor@acme.example");
    const reason = await refusedUnchanged(403, () => send("POST", "audiences.attach", use, editor));
    expect(reason).toContain("experimentation:experiment.audiences.edit");
    const attached = await send("POST", "audiences.attach", use, publisher);
    expect(attached.status).toBe(200);
    expect((await stored()).find((a) => a.id === vip.id)?.uses).toBe(
      "acme-dark-mode@acme-checkout-production",
    );
    const detached = await send(
      "POST",
      "audiences.detach",
      { ...use, version: (attached.data as AudienceRow).version },
      publisher,
    );
    expect(detached.status).toBe(200);
    expect((await stored()).find((a) => a.id === vip.id)?.uses).toBe("");
  });

  it("answers another organization's audience exactly as a made-up one", async () => {
    const partner = await signIn("partneruser@agency.example");
    const version = await versionOf("acme-beta");
    const foreign = await refusedUnchanged(404, () =>
      send("POST", "audiences.rename", { id: "acme-beta", version, name: "Taken" }, partner),
    );
    const madeUp = await refusedUnchanged(404, () =>
      send("POST", "audiences.rename", { id: "acme-zzzz", version, name: "Taken" }, partner),
    );
    expect(foreign.replace("acme-beta", "ID")).toBe(madeUp.replace("acme-zzzz", "ID"));
    const list = await send("GET", "audiences.list", { project: "acme-checkout" }, partner);
    expect(list.status).toBe(404);
  });

  it("refuses bad input with a 4xx naming the field, changing nothing", async () => {
    const publisher = await signIn("exp-publisher@acme.example");
    const version = await versionOf("acme-mobile");
    expect(
      await refusedUnchanged(400, () =>
        send(
          "POST",
          "audiences.create",
          { project: "acme-checkout", key: "Not A Key", name: "X" },
          publisher,
        ),
      ),
    ).toContain("key");
    expect(
      await refusedUnchanged(400, () =>
        send("POST", "audiences.rename", { id: "acme-mobile", version, name: "" }, publisher),
      ),
    ).toContain("name");
    expect(
      await refusedUnchanged(409, () =>
        send("POST", "audiences.rename", { id: "acme-mobile", version: version + 5, name: "Y" }, publisher),
      ),
    ).toContain("version");
    expect(
      await refusedUnchanged(404, () =>
        send(
          "POST",
          "audiences.attach",
          { id: "acme-mobile", version, flag: "acme-made-up", environment: "acme-checkout-production" },
          publisher,
        ),
      ),
    ).toContain("acme-made-up");
    expect(
      await refusedUnchanged(400, () =>
        send("POST", "audiences.create", { project: "acme-homepage", key: "web", name: "Web" }, publisher),
      ),
    ).toContain("project:");
  });

  it("serves each audience's role for a collaborator with the use that decided it", async () => {
    const admin = await signIn("admin@acme.example");
    const roles = await send(
      "GET",
      "audiences.roles",
      { project: "acme-checkout", subject: "demo-exp-flag-viewer" },
      admin,
    );
    expect(roles.status).toBe(200);
    const byId = new Map((roles.data as ReadonlyArray<{ id: string }>).map((r) => [r.id, r]));
    expect(byId.get("acme-returning")).toMatchObject({
      role: "viewer",
      roleLabel: "Viewer",
      decidedBy: "Flag Viewer",
      use: { flagName: "New cart", environmentName: expect.stringMatching(/^(Development|Production)$/) },
    });
    expect(byId.get("acme-mobile")).toMatchObject({ role: "editor", decidedBy: "Editor", use: null });
    const editor = await signIn("exp-editor@acme.example");
    const other = await send(
      "GET",
      "audiences.roles",
      { project: "acme-checkout", subject: "demo-exp-flag-viewer" },
      editor,
    );
    expect(other.status).toBe(403);
    const own = await send("GET", "audiences.roles", { project: "acme-checkout" }, editor);
    expect(own.status).toBe(200);
  });
});
