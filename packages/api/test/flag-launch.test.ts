// Launching a flag (rules/flag-launch.ts, seed 003): turning it on publishes the ruleset there for good, so an
// editor's production limits then hold; the status stays flags.setStatus's (a toggle moves it nowhere).
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn } = demoApi();

const PRODUCTION = "acme-checkout-production";
const DEVELOPMENT = "acme-checkout-development";

interface FlagRow {
  readonly key: string;
  readonly status: string;
  readonly states: ReadonlyArray<{
    readonly environment: string;
    readonly enabled: boolean;
    readonly rulesetPublished: boolean;
  }>;
  readonly resources: ReadonlyArray<{ readonly environment: string; readonly resource: unknown }>;
}

const darkMode = async (call: Call): Promise<FlagRow> => {
  const listed = await send("GET", "flags.list", { project: "acme-checkout" }, call);
  expect(listed.status, JSON.stringify(listed.error)).toBe(200);
  const flag = (listed.data as ReadonlyArray<FlagRow>).find((f) => f.key === "dark-mode");
  if (flag === undefined) throw new Error("the demo's Dark mode flag is missing");
  return flag;
};
const stateIn = (flag: FlagRow, environment: string) =>
  flag.states.find((s) => s.environment === environment);
const resourceIn = (flag: FlagRow, environment: string) =>
  flag.resources.find((r) => r.environment === environment)?.resource;
const toggle = (call: Call, environment: string, enabled: boolean) =>
  send("POST", "flags.toggle", { id: "acme-dark-mode", environment, enabled }, call);

describe("launching a flag", () => {
  it("a toggle publishes that environment's ruleset for good and leaves the flag's status alone", async () => {
    const editor = await signIn("exp-editor@acme.example");
    const publisher = await signIn("exp-publisher@acme.example");
    expect((await darkMode(editor)).status).toBe("draft");
    const ask = async (environment: string) =>
      (
        await send(
          "GET",
          "authz.check",
          {
            action: "experimentation:experiment.edit",
            resource: resourceIn(await darkMode(editor), environment),
          },
          editor,
        )
      ).data;
    expect(await ask(PRODUCTION)).toBe("allow");

    const inDevelopment = await toggle(editor, DEVELOPMENT, true);
    expect(inDevelopment.status, JSON.stringify(inDevelopment.error)).toBe(200);
    let flag = await darkMode(editor);
    expect(flag.status).toBe("draft");
    expect(stateIn(flag, DEVELOPMENT)).toMatchObject({ enabled: true, rulesetPublished: true });

    const launched = await toggle(publisher, PRODUCTION, true);
    expect(launched.status, JSON.stringify(launched.error)).toBe(200);
    flag = await darkMode(editor);
    expect(flag.status).toBe("draft");
    expect(stateIn(flag, PRODUCTION)).toMatchObject({ enabled: true, rulesetPublished: true });
    // Seed 003: after publishing, editors cannot modify the production ruleset (nor turn the flag off there).
    expect(await ask(PRODUCTION)).toBe("deny");
    expect((await toggle(editor, PRODUCTION, false)).status).toBe(403);

    // Turned off, the ruleset stays published.
    expect((await toggle(publisher, PRODUCTION, false)).status).toBe(200);
    flag = await darkMode(editor);
    expect(flag.status).toBe("draft");
    expect(stateIn(flag, PRODUCTION)).toMatchObject({ enabled: false, rulesetPublished: true });
    expect(await ask(PRODUCTION)).toBe("deny");
  });
});
