// Names and emails that look blank or like another's (audit D3, D9): invisible and direction-changing characters,
// line breaks and non-ASCII emails are refused naming the field; a name typed in either Unicode form is one name.
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows } = demoApi();
const acmeSite = { org: "acme", product: "cms", instance: "acme-cms" };

const invite = (admin: Call, email: string, name = "Someone") =>
  send(
    "POST",
    "users.invite",
    {
      org: "acme",
      emails: [email],
      name,
      language: "en",
      grants: [{ role: "cms:content-editors", scope: acmeSite }],
    },
    admin,
  );
const message = (answer: { readonly error?: unknown }) =>
  String((answer.error as { message?: string } | undefined)?.message);

describe("look-alike names and emails", () => {
  it("refuses an email holding an invisible or non-ASCII character, so none passes for an existing person's", async () => {
    const admin = await signIn("admin@acme.example");
    const invitations = async () =>
      (await rows<{ n: number }>("select count(*)::int as n from invitations"))[0]?.n;
    const before = await invitations();
    for (const email of [
      "admin@acme.example\u200b",
      "admin@acme\u200d.example",
      "\u2060admin@acme.example",
      "admin@acme.example\u00ad",
      "\u0430dmin@acme.example",
    ]) {
      const answer = await invite(admin, email, "Ada Admin");
      expect(answer.status, email).toBe(400);
      expect(message(answer)).toMatch(/email/i);
      expect(message(answer)).toContain("ASCII");
    }
    expect(await invitations()).toBe(before);
  });

  it("refuses names that show nothing, reorder what is shown or break the line, and composes the rest", async () => {
    const admin = await signIn("admin@acme.example");
    const create = (name: string) => send("POST", "groups.create", { org: "acme", name }, admin);
    for (const [name, words] of [
      ["\u200b", "invisible"],
      ["Ops\u200b", "invisible"],
      ["a\u202eevil", "direction"],
      ["first\nsecond", "one line"],
      ["\u200d", "blank"],
      ["\u3164", "invisible"],
      ["\u2800", "invisible"],
      ["Ops\u200c", "invisible"],
      ["Ops\ufe0f", "invisible"],
      ["Op\u034fs", "invisible"],
      ["Ops\u{e0041}", "invisible"],
    ] as const) {
      const answer = await create(name);
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(message(answer)).toContain(words);
    }
    const composed = await create("Caf\u00e9 crew");
    expect(composed.status).toBe(200);
    // The same name typed decomposed (e + combining accent) is the same name: a duplicate, not a look-alike.
    const decomposed = await create("Cafe\u0301 crew");
    expect(decomposed.status).toBe(409);
    // Any space is the plain one: a no-break space does not make a second "Café crew".
    expect((await create("Caf\u00e9\u00a0crew")).status).toBe(409);
    // Joiners and selectors where emoji and joining scripts need them stay.
    for (const name of ["\u2764\ufe0f team", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"])
      expect((await create(name)).status, name).toBe(200);
    const emoji = await create("\u{1F469}\u200d\u{1F4BB} devs");
    expect(emoji.status, JSON.stringify(emoji.error)).toBe(200);
    expect((emoji.data as { name: string }).name).toBe("\u{1F469}\u200d\u{1F4BB} devs");
  });
});
