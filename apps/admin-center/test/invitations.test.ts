// Browser tests of inviting (real headless Chromium against the `pnpm start` server): "Invite another" keeps the
// role selection, the preview never moves Send invite from under a press, an instance admin cannot make an admin
// (UI and API), revoke and resend, accepting an invitation then signing in, and a bulk invite whose rows are all
// checked (each problem named) before any is sent.
import { browserSuite, screenshot, signIn } from "@gatehouse/e2e";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await suite.browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const cmsInstance = { org: "acme", product: "cms", instance: "acme-cms" };

/** A tRPC mutation sent from the page with its session cookie and CSRF token, as the app sends them. */
const callApi = (on: Page, path: string, input: unknown) =>
  on.evaluate(
    async ([procedure, body]) => {
      const csrf =
        document.cookie
          .split("; ")
          .find((c) => c.startsWith("gatehouse_csrf="))
          ?.slice("gatehouse_csrf=".length) ?? "";
      const res = await fetch(`/trpc/${procedure}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    [path, input] as const,
  );

/** Invites `email` as a CMS content editor through the API with the page's session; returns the accept URL. */
const inviteByApi = async (on: Page, email: string): Promise<string> => {
  const answer = await callApi(on, "users.invite", {
    org: "acme",
    emails: [email],
    language: "en",
    grants: [{ role: "cms:content-editors", scope: cmsInstance }],
  });
  expect(answer.status).toBe(200);
  const { result } = answer.body as { result: { data: { invited: Array<{ acceptUrl: string }> } } };
  return result.data.invited[0]?.acceptUrl ?? "";
};

/** A screenshot from the top of the page (the shell's header is fixed, so a scrolled page would hide the title). */
const shoot = async (on: Page, name: string) => {
  await on.evaluate(() => window.scrollTo(0, 0));
  await screenshot(on, name);
};

/** Picks a status in the Invitations page's filter. */
const showStatus = (on: Page, status: string) =>
  on.getByLabel("Status").getByText(status, { exact: true }).click();

const invitationRow = (on: Page, email: string) =>
  on.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: email });

describe("Admin Center invitations", () => {
  it("invites two users in a row with Invite another, keeping the role; both are pending", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "admin@acme.example");
    await page.getByRole("heading", { name: "Invite user" }).waitFor();
    await page.getByLabel("Breadcrumbs").getByRole("link", { name: "Acme Site" }).waitFor();
    const editors = page.getByRole("radio", { name: "Content Editors" });
    await editors.check();
    await page.getByLabel("Invite another").check();
    await page.getByLabel("Name").fill("Nina New");
    await page.getByLabel("Email").fill("nina.new@acme.example");
    await shoot(page, "invitations-invite-form");
    await page.getByRole("button", { name: "Send invite" }).click();
    await page.getByLabel("Accept link for nina.new@acme.example").waitFor();
    // A new form for the next invitee: name and email cleared, the role selection kept.
    expect(await page.getByLabel("Email").inputValue()).toBe("");
    expect(await page.getByLabel("Name").inputValue()).toBe("");
    expect(await editors.isChecked()).toBe(true);
    await page.getByLabel("Email").fill("otto.next@acme.example");
    await page.getByRole("button", { name: "Send invite" }).click();
    await page.getByLabel("Accept link for otto.next@acme.example").waitFor();
    expect(await editors.isChecked()).toBe(true);
    await shoot(page, "invitations-invite-another");

    await page.getByRole("link", { name: "Invitations" }).first().click();
    for (const email of ["nina.new@acme.example", "otto.next@acme.example"]) {
      const row = invitationRow(page, email);
      await row.waitFor();
      await expect(row.textContent()).resolves.toMatch(/pending.*/);
      await expect(row.textContent()).resolves.toContain("Content Editors at CMS › Acme Site");
    }
  });

  it("sends the invite when the preview appears while Send invite is pressed (it moves nothing under the press)", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "admin@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    // The preview's answer waits until the press has begun, as a slow server's would.
    let answer = () => {};
    const pressed = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route("**/trpc/whatIf.invite**", async (route) => {
      await pressed;
      await route.fallback();
    });
    await page.getByLabel("Email").fill("pressed.early@acme.example");
    const send = page.getByRole("button", { name: "Send invite" });
    await send.scrollIntoViewIfNeeded();
    const box = await send.boundingBox();
    if (box === null) throw new Error("Send invite has no box");
    // A person's press: down on the button, the preview starts loading and then shows its answer, and up.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.getByText("Working out what they would gain").waitFor();
    answer();
    await page.getByTestId("what-if-preview").getByText("Gains").first().waitFor();
    await page.mouse.up();
    await page.getByLabel("Accept link for pressed.early@acme.example").waitFor();
  });

  it("keeps the form and the accept link when the live refresh after an invite fails", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "admin@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    await page.getByLabel("Email").fill("kept.link@acme.example");
    // Once the invite is sent, the refresh its change brings (the invitable places) cannot reach the server.
    let sent = false;
    await page.route("**/trpc/**", (route) => {
      const url = route.request().url();
      if (url.includes("users.invite")) sent = true;
      return sent && url.includes("assignable.scopes") ? route.abort("failed") : route.fallback();
    });
    await page.getByRole("button", { name: "Send invite" }).click();
    await page.getByRole("alert").filter({ hasText: "Could not refresh this" }).first().waitFor();
    await page.getByLabel("Accept link for kept.link@acme.example").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe("");
    expect(await page.getByRole("radio", { name: "Content Editors" }).isChecked()).toBe(false);
    await shoot(page, "invitations-refresh-failed");
  });

  it("an instance admin cannot make an admin: the role is disabled with its reason, and the API refuses", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "instance-admin@acme.example");
    const adminRole = page.getByRole("radio", { name: "Instance Admin" });
    await adminRole.waitFor();
    expect(await adminRole.isDisabled()).toBe(true);
    expect(await page.getByRole("radio", { name: "Content Editors" }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Why can't I give Instance Admin?" }).click();
    const why = page.getByTestId("assign-why");
    await why.waitFor();
    await expect(why.textContent()).resolves.toContain(
      "only a super admin can make a user an Admin Center administrator",
    );
    await shoot(page, "invitations-instance-admin-why");
    // Only the instance it administers is offered.
    await page.getByRole("combobox", { name: "Product" }).click();
    expect(await page.getByRole("option").allTextContents()).toEqual(["CMS"]);
    await page.keyboard.press("Escape");

    const forced = await callApi(page, "users.invite", {
      org: "acme",
      emails: ["would-be-admin@acme.example"],
      language: "en",
      grants: [{ role: "admin-center:instance-admin", scope: cmsInstance }],
    });
    expect(forced.status).toBe(403);
    expect(JSON.stringify(forced.body)).toContain("only a super admin");
  });

  it("invites to several projects at once, one grant per project", async () => {
    await signIn(
      page,
      app("invite?product=experimentation&instance=acme-exp&project=acme-checkout"),
      "admin@acme.example",
    );
    await page.getByLabel("Breadcrumbs").getByRole("link", { name: "Checkout" }).waitFor();
    await page.getByRole("combobox", { name: "Projects" }).click();
    await page.getByRole("option", { name: "Homepage (web)" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("radio", { name: "Viewer" }).check();
    await page.getByLabel("Email").fill("two.projects@acme.example");
    await shoot(page, "invitations-invite-projects");
    await page.getByRole("button", { name: "Send invite" }).click();
    await page.getByLabel("Accept link for two.projects@acme.example").waitFor();
    await page.getByRole("link", { name: "Invitations" }).first().click();
    const row = invitationRow(page, "two.projects@acme.example");
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(
      /Viewer at Experimentation › Acme Experimentation › Checkout.*Viewer at Experimentation › Acme Experimentation › Homepage/,
    );
  });

  it("a project owner is offered its project only, and editors but not publishers", async () => {
    await signIn(
      page,
      app("invite?product=experimentation&instance=acme-exp&project=acme-checkout"),
      "project-owner@acme.example",
    );
    const publisher = page.getByRole("radio", { name: "Publisher", exact: true });
    await publisher.waitFor();
    expect(await publisher.isDisabled()).toBe(true);
    expect(await page.getByRole("radio", { name: "Editor", exact: true }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Why can't I give Publisher?" }).click();
    await expect(page.getByTestId("assign-why").textContent()).resolves.toContain(
      "a project owner adds only editors and viewers",
    );
    await page.keyboard.press("Escape");
    await page.getByRole("combobox", { name: "Projects" }).click();
    expect(await page.getByRole("option").allTextContents()).toEqual(["Checkout (feature)"]);
  });

  it("revokes a pending invitation and resends another, showing the new link once", async () => {
    await signIn(page, app("invitations"), "admin@acme.example");
    await inviteByApi(page, "revoke.me@acme.example");
    await inviteByApi(page, "resend.me@acme.example");
    await page.reload();

    await page.getByRole("button", { name: "Revoke invitation to revoke.me@acme.example" }).click();
    // Revoking withdraws the grants the invitation gave the never-signed-in account, and the question says so.
    await expect(page.getByRole("dialog").textContent()).resolves.toContain("the roles it gave are removed");
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await invitationRow(page, "revoke.me@acme.example").waitFor({ state: "detached" });
    await showStatus(page, "Revoked");
    await expect(invitationRow(page, "revoke.me@acme.example").textContent()).resolves.toContain("revoked");

    await showStatus(page, "Pending");
    await page.getByRole("button", { name: "Resend invitation to resend.me@acme.example" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Resend" }).click();
    const link = page.getByLabel("Accept link for resend.me@acme.example");
    await link.waitFor();
    await expect(link.textContent()).resolves.toMatch(/\/admin-center\/accept\?token=[\w-]{43}$/);
    await invitationRow(page, "resend.me@acme.example").filter({ hasText: "resent 1×" }).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await shoot(page, "invitations-list-resent");
  });

  it("offers Revoke only to who could make every grant of the invitation, as the server asks", async () => {
    await signIn(page, app(), "admin@acme.example");
    const answer = await callApi(page, "users.invite", {
      org: "acme",
      emails: ["two.grants@acme.example"],
      language: "en",
      grants: [
        { role: "cms:content-editors", scope: cmsInstance },
        { role: "admin-center:instance-admin", scope: cmsInstance },
      ],
    });
    expect(answer.status).toBe(200);
    await context.clearCookies();
    // The instance admin may invite at the first grant's place, but not make the second (an admin).
    await signIn(page, app("invitations"), "instance-admin@acme.example");
    const revoke = page.getByRole("button", { name: "Revoke invitation to two.grants@acme.example" });
    const row = invitationRow(page, "two.grants@acme.example");
    await row.getByRole("button", { name: "Why?" }).first().waitFor();
    await expect(revoke.isDisabled()).resolves.toBe(true);
    await row.getByRole("button", { name: "Why?" }).first().click();
    await expect(page.getByTestId("why-refused").textContent()).resolves.toContain("only a super admin");
  });

  it("accepts an invitation in a fresh browser, then signs in as the new user", async () => {
    await signIn(page, app(), "admin@acme.example");
    const acceptUrl = await inviteByApi(page, "fresh.user@acme.example");

    const visitor = await suite.browser.newContext();
    const invitee = await visitor.newPage();
    await invitee.goto(`${suite.origin}${acceptUrl}`);
    await invitee.getByLabel("Your name").fill("Fresh User");
    await invitee.getByLabel("Password", { exact: true }).fill("a-fresh-password-1");
    await invitee.getByLabel("Confirm password").fill("a-fresh-password-1");
    await shoot(invitee, "invitations-accept");
    await invitee.getByRole("button", { name: "Accept and sign in" }).click();
    await expect(invitee.getByTestId("signed-in-as").textContent()).resolves.toContain(
      "Fresh User (fresh.user@acme.example)",
    );

    await invitee.getByRole("button", { name: "Sign out" }).click();
    await invitee.getByLabel("Email", { exact: true }).fill("fresh.user@acme.example");
    await invitee.getByLabel("Password", { exact: true }).fill("a-fresh-password-1");
    await invitee.getByRole("button", { name: "Sign in" }).click();
    await expect(invitee.getByTestId("signed-in-as").textContent()).resolves.toContain(
      "fresh.user@acme.example",
    );
    await visitor.close();

    // The link is used up, and the invitation reads as accepted.
    await page.goto(app("invitations"));
    await showStatus(page, "Accepted");
    await invitationRow(page, "fresh.user@acme.example").waitFor();
  });

  it("bulk invites from CSV: every row checked first, each problem named, nothing sent until all are valid", async () => {
    await signIn(page, app("invite/bulk"), "admin@acme.example");
    await page
      .getByLabel("CSV")
      .fill(
        [
          "email,name,role,scope",
          "bulk.good@acme.example,Bulk Good,Content Editors,cms/acme-cms",
          "not-an-email,Nobody,Content Editors,cms/acme-cms",
          "bulk.place@acme.example,Bulk Place,Content Editors,cms/no-such-site",
          "bulk.role@acme.example,Bulk Role,Chief Wizard,cms/acme-cms",
          "bulk.good@acme.example,Bulk Twice,Content Editors,cms/acme-cms",
        ].join("\n"),
      );
    const preview = page.getByRole("table", { name: "Bulk invite preview" });
    const rowOf = (text: string) => preview.getByRole("row").filter({ hasText: text });
    // Each line's problem, in words that say what to fix: the shape here, the rest as the server answers `may`.
    await rowOf("not-an-email").getByText("not an email address").waitFor();
    await rowOf("bulk.place@acme.example")
      .getByText(/no CMS instance "no-such-site" in this organization/)
      .waitFor();
    await rowOf("bulk.role@acme.example")
      .getByText(/Unknown role "Chief Wizard"/)
      .waitFor();
    await rowOf("Bulk Twice").getByText("this email is already on an earlier line").waitFor();
    await page.getByText("5 line(s): 1 ready, 4 invalid").waitFor();
    await expect(page.getByRole("button", { name: "Send 5 invite(s)" }).isDisabled()).resolves.toBe(true);
    await shoot(page, "invitations-bulk-invalid");
    // Nothing was sent.
    await page.goto(app("invitations"));
    await page
      .getByRole("table", { name: "Invitations" })
      .or(page.getByText("No pending invitations"))
      .first()
      .waitFor();
    await expect(page.getByText("bulk.good@acme.example").count()).resolves.toBe(0);

    await page.goto(app("invite/bulk"));
    await page
      .getByLabel("CSV")
      .fill(
        [
          "email,name,role,scope",
          "bulk.good@acme.example,Bulk Good,Content Editors,cms/acme-cms",
          "bulk.place@acme.example,Bulk Place,Content Editors,cms/no-such-site",
        ].join("\n"),
      );
    await page.getByText("2 line(s): 1 ready, 1 invalid").waitFor();
    await page.getByRole("button", { name: "Remove 1 invalid line(s)" }).click();
    await page.getByText("1 line(s): 1 ready, 0 invalid").waitFor();
    await page.getByRole("button", { name: "Send 1 invite(s)" }).click();
    const good = rowOf("bulk.good@acme.example");
    await good.getByText("Invited").waitFor();
    await good.getByLabel("Accept link for bulk.good@acme.example").waitFor();
    await shoot(page, "invitations-bulk-result");
  });
});
