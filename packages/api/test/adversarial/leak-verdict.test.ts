// The isolation sweep's leak verdict: another organization's value counts wherever a reply shows it, except
// inside the random secrets the server made up (an accept link's token, a new API key), where it is chance.
import { describe, expect, it } from "vitest";
import { leaked } from "./support/isolation/verdicts.ts";

const token = "x7Acme_Qk2-9ZpLr4TbVw0sNcYhUe3JfG8oMiAa1Dd5";

describe("the sweep's leak verdict", () => {
  it("finds a foreign name in a message's text", () => {
    const reply = { raw: JSON.stringify({ body: "Acme Ian Instance invited you to Globex" }) };
    expect(leaked(reply, { org: "globex" }, ["Acme"])).toEqual(["Acme"]);
  });

  it("does not count a value the input carried", () => {
    const reply = { raw: JSON.stringify({ message: "acme-cms is not found" }) };
    expect(leaked(reply, { instance: "acme-cms" }, ["acme-cms"])).toEqual([]);
  });

  it("ignores a name that a random accept token or API key happens to contain", () => {
    const reply = {
      raw: JSON.stringify({
        link: `http://127.0.0.1/admin-center/accept?token=${token}`,
        key: `gh_${token}`,
      }),
    };
    expect(token.length).toBe(43);
    expect(leaked(reply, { org: "globex" }, ["Acme"])).toEqual([]);
  });

  it("still finds the name next to a token", () => {
    const reply = { raw: JSON.stringify({ text: `Acme: accept?token=${token}` }) };
    expect(leaked(reply, {}, ["Acme"])).toEqual(["Acme"]);
  });
});
