// Browser tests of the accept page under the sign-in and invitation rate limits, as the invitee meets them: an
// invitation accepted while its account's sign-in is locked says it was accepted and to sign in on the sign-in page
// (not "Not accepted"); a link opened from an address that made too many bad tries says to wait, not that it is invalid.
import { apiAs, browserSuite, screenshot } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const cms = { org: "acme", product: "cms", instance: "acme-cms" };

/** Invites `email` as a CMS content editor (as the super admin); returns its accept link. */
const invite = async (email: string): Promise<string> => {
  const admin = await apiAs(suite, app(), "admin@acme.example");
  const answer = (await admin.call("users.invite", {
    org: "acme",
    emails: [email],
    language: "en",
    grants: [{ role: "cms:content-editors", scope: cms }],
  })) as { invited: Array<{ acceptUrl: string }> };
  await admin.close();
  return `${suite.origin}${answer.invited[0]?.acceptUrl ?? ""}`;
};

/** Fills the accept form with `password` and presses Accept and sign in. */
const accept = async (page: Page, password: string) => {
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Accept and sign in" }).click();
};

describe("the accept page under rate limits", () => {
  it("says an invitation was accepted when only the sign-in after it was refused", async () => {
    const link = await invite("locked.invitee@acme.example");
    // Someone guesses the invitee's password five times: its sign-in is locked for a while.
    const guesser = await suite.newPage();
    await guesser.goto(app());
    for (let i = 0; i < 5; i++) {
      await guesser.getByLabel("Email", { exact: true }).fill("locked.invitee@acme.example");
      await guesser.getByLabel("Password", { exact: true }).fill(`wrong-guess-${i}`);
      await guesser.getByRole("button", { name: "Sign in" }).click();
      await guesser.getByRole("alert").waitFor();
    }

    const invitee = await suite.newPage();
    await invitee.goto(link);
    await accept(invitee, "a-locked-out-password-1");
    const said = invitee.getByRole("alert");
    await said.getByText("Accepted, but not signed in").waitFor();
    await expect(said.textContent()).resolves.toMatch(
      /active with the password you chose.*Too many failed sign-ins.*Sign in on the sign-in page/,
    );
    await expect(invitee.getByText("Not accepted").count()).resolves.toBe(0);
    await screenshot(invitee, "accept-accepted-not-signed-in");
    await invitee.getByRole("link", { name: "Go to sign-in" }).click();
    await invitee.getByRole("button", { name: "Sign in" }).waitFor();
  });

  it("says to wait when the address made too many bad tries, not that the link is invalid", async () => {
    const link = await invite("busy.network@acme.example");
    const invitee = await suite.newPage();
    // Made-up links opened from the same address (any page a colleague opens can send these).
    for (let i = 0; i < 21; i++)
      await invitee.request.get(
        `${suite.origin}/trpc/invitations.opening?input=${encodeURIComponent(JSON.stringify({ token: `made-up-${i}` }))}`,
      );
    await invitee.goto(link);
    await invitee.getByText("Too many tries from your network").waitFor();
    await invitee.getByText(/try again in 15 minutes/).waitFor();
    await expect(invitee.getByText(/holds no valid invitation/).count()).resolves.toBe(0);
    await screenshot(invitee, "accept-rate-limited");
  });
});
