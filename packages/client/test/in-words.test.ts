// What people read of the server's refusals: the action codes added for developers are left out, the words stay.
import { describe, expect, it } from "vitest";
import { inWords } from "../src/in-words.ts";

describe("inWords", () => {
  it("leaves out the action codes of refusals", () => {
    expect(
      inWords(
        'You may not "Base code deploy" here (mission-control:code.deploy): customerUser does not include it',
      ),
    ).toBe('You may not "Base code deploy" here: customerUser does not include it');
    expect(inWords("You may not view the users there (needs admin-center:user.view)")).toBe(
      "You may not view the users there",
    );
    expect(inWords("only a super admin may (needs admin-center:user.deactivate at the organization)")).toBe(
      "only a super admin may",
    );
  });

  it("keeps every other parenthesis and colon", () => {
    for (const words of [
      "Acme Site (CMS) has no such role",
      "Exp editor already holds No Flag Access on New cart: change that role instead",
      "at 10:30 (local time)",
    ])
      expect(inWords(words)).toBe(words);
  });
});
