// Browser tests of grants' expiry in the Admin Center (headless Chromium against the `pnpm start` server): the
// super admin adds a user's role until a date, moves and removes that date, is refused a past one with the
// server's words, and gives a group a role until a date, then removes it.
import { browserSuite, callApi, screenshot, signIn, whyShown } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

/** expect.poll waits this long: the machine is shared. */
const poll = { timeout: 15_000 };
const DAY_MS = 24 * 60 * 60 * 1000;
const app = (path = "") => `${suite.origin}/admin-center/${path}`;

interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly expiresAt: string | null;
}

const grantsOf = (subject: { kind: "user" | "group"; id: string }) =>
  callApi(page, suite.origin, "grants.list", { org: "acme", subject }, "GET") as Promise<
    ReadonlyArray<GrantView>
  >;

/** The `datetime-local` text of the moment `days` from now (the browser runs in this process's time zone). */
const localIn = (days: number): string => {
  const at = new Date(Date.now() + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

/** Whole days from now until an ISO instant, as the entitlements table counts them. */
const daysUntil = (iso: string | null | undefined) =>
  iso === null || iso === undefined ? undefined : Math.ceil((new Date(iso).getTime() - Date.now()) / DAY_MS);

describe("A grant's expiry", () => {
  it("an administrator adds a user's role until a date, moves the date, is refused a past one, and removes it", async () => {
    await signIn(
      page,
      app("users/demo-exp-publisher?context=experimentation/acme-exp/acme-homepage"),
      "admin@acme.example",
    );
    await page.getByText("No roles here").waitFor();
    await page.getByRole("button", { name: "Add role" }).click();
    const panel = page.getByRole("region", { name: "Add role" });
    await panel.getByRole("radio", { name: "Viewer", exact: true }).check();
    await panel.getByRole("checkbox", { name: "Ends on a date" }).check();
    await panel.getByLabel("Expires at (your local time)").fill(localIn(10));
    await screenshot(page, "grant-expiry-add");
    await panel.getByRole("button", { name: "Add Viewer" }).click();
    await page.getByText(/Exp publisher now has Viewer in .* until /).waitFor();
    const entitlements = page.getByRole("table", { name: "Entitlements" });
    await entitlements.getByText("expires in 10 days").waitFor();
    const viewer = async () =>
      (await grantsOf({ kind: "user", id: "demo-exp-publisher" })).find(
        (g) => g.role === "experimentation:viewer",
      );
    expect(daysUntil((await viewer())?.expiresAt)).toBe(10);

    // Moved to 3 days from now.
    await page.getByRole("button", { name: "Edit role Viewer" }).click();
    const change = page.getByLabel("Change role");
    const expiry = change.getByLabel("Expires at (your local time)");
    // The form starts from the grant's own expiry.
    await expect
      .poll(async () => (await expiry.inputValue()).slice(0, 10), poll)
      .toBe(localIn(10).slice(0, 10));
    await expiry.fill(localIn(3));
    await change.getByRole("button", { name: "Save role change" }).click();
    await page.getByText(/Exp publisher has Viewer in .* until /).waitFor();
    await entitlements.getByText("expires in 3 days").waitFor();
    expect(daysUntil((await viewer())?.expiresAt)).toBe(3);

    // A past moment: the server refuses it, and the Save button says why before it is pressed.
    await page.getByRole("button", { name: "Edit role Viewer" }).click();
    await change.getByLabel("Expires at (your local time)").fill(localIn(-1));
    const save = change.getByRole("button", { name: "Save role change" });
    await expect.poll(() => save.isDisabled(), poll).toBe(true);
    await change.getByRole("button", { name: "Why?" }).click();
    await expect.poll(() => page.getByTestId("why-refused").textContent(), poll).toMatch(/already past/);
    await whyShown(page);
    await screenshot(page, "grant-expiry-past-refused");
    await page.keyboard.press("Escape");

    // Removed: the role lasts until someone removes it.
    await change.getByRole("checkbox", { name: "Ends on a date" }).uncheck();
    await expect.poll(() => save.isDisabled(), poll).toBe(false);
    await save.click();
    await page.getByText(/Exp publisher has Viewer in .* with no expiry/).waitFor();
    await expect.poll(() => entitlements.getByText("expires in").count(), poll).toBe(0);
    expect((await viewer())?.expiresAt).toBeNull();
    await screenshot(page, "grant-expiry-removed");
    await page.context().close();
  });

  it("an administrator gives a group a role until a date, then removes the date", async () => {
    await signIn(page, app(), "admin@acme.example");
    const group = (await callApi(
      page,
      suite.origin,
      "groups.create",
      { org: "acme", name: "Launch week" },
      "POST",
    )) as { id: string };
    await page.goto(app(`groups/${group.id}`));
    await page.getByRole("heading", { name: "Launch week" }).waitFor();
    await page.getByRole("button", { name: "Give role", exact: true }).click();
    const form = page.getByLabel("Give role", { exact: true });
    await form.getByRole("combobox", { name: "Place" }).click();
    await page.getByRole("option", { name: "Homepage", exact: false }).first().click();
    await form.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Viewer", exact: true }).click();
    await form.getByRole("checkbox", { name: "Ends on a date" }).check();
    await form.getByLabel("Expires at (your local time)").fill(localIn(5));
    await form.getByRole("button", { name: "Give role to Launch week" }).click();
    await page.getByText(/Launch week now gives Viewer on .* until /).waitFor();
    const roles = page.getByRole("list", { name: "Roles this group gives" });
    await roles.getByText(/until /).waitFor();
    const given = async () => (await grantsOf({ kind: "group", id: group.id }))[0];
    expect(daysUntil((await given())?.expiresAt)).toBe(5);
    await screenshot(page, "grant-expiry-group-given");

    await roles.getByRole("button", { name: /^Expiry of .*Viewer/ }).click();
    const panel = page.getByLabel(/^Expiry of .*Viewer/);
    await panel.getByRole("checkbox", { name: "Ends on a date" }).uncheck();
    await panel.getByRole("button", { name: "Save expiry" }).click();
    await page.getByText(/Launch week gives .*Viewer on .* with no expiry/).waitFor();
    await expect.poll(() => roles.getByText(/until /).count(), poll).toBe(0);
    expect((await given())?.expiresAt).toBeNull();
    await page.context().close();
  });
});
