// projects.collaborating through app.request over the demo database: every collaborator sees the Feature and Web
// projects it may view, with their platform (managers marked as such), nothing of other organizations.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

interface Collaborating {
  readonly id: string;
  readonly name: string;
  readonly instance: { readonly name: string };
  readonly manages: boolean;
  readonly platform: string;
}

const projectsOf = async (email: string) => {
  const answer = await send("GET", "projects.collaborating", undefined, await signIn(email));
  expect(answer.status).toBe(200);
  return (answer.data as ReadonlyArray<Collaborating>).map((p) => ({ id: p.id, manages: p.manages }));
};

describe("projects.collaborating", () => {
  it.each([
    ["exp-editor@acme.example", false],
    ["exp-publisher@acme.example", false],
    ["exp-viewer@acme.example", false],
    ["exp-env-publisher@acme.example", false],
    ["exp-flag-viewer@acme.example", false],
    ["exp-project-owner@acme.example", true],
  ])("%s sees Checkout (manages: %s)", async (email, manages) => {
    expect(await projectsOf(email)).toEqual([{ id: "acme-checkout", manages }]);
  });

  it("names the project and its instance", async () => {
    const answer = await send(
      "GET",
      "projects.collaborating",
      undefined,
      await signIn("exp-editor@acme.example"),
    );
    expect(answer.data).toMatchObject([{ name: "Checkout", instance: { name: expect.any(String) } }]);
  });

  it("lists Web projects next to Feature ones, each with its platform", async () => {
    const all = await send(
      "GET",
      "projects.collaborating",
      undefined,
      await signIn("exp-administrator@acme.example"),
    );
    expect((all.data as ReadonlyArray<Collaborating>).map((p) => [p.id, p.platform, p.manages])).toEqual([
      ["acme-checkout", "feature", true],
      ["acme-homepage", "web", true],
    ]);
    expect(await projectsOf("exp-restricted-editor@acme.example")).toEqual([
      { id: "acme-homepage", manages: false },
    ]);
  });

  it("lists nothing to someone outside Experimentation, and refuses the operator", async () => {
    expect(await projectsOf("instance-admin@acme.example")).toEqual([]);
    expect(await projectsOf("partneradmin@agency.example")).toEqual([]);
    const operator = await signIn("operator@gatehouse.example");
    expect((await send("GET", "projects.collaborating", undefined, operator)).status).toBe(404);
  });
});
