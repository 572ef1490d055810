// Browser tests of giving existing users roles somewhere new (real headless Chromium against the `pnpm start`
// server): inviting an existing account adds the role and says so, Add role on user details with the what-if,
// re-inviting an account removed from the organization, the invite preview's gains once each, and the explicit place.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage({ width: 1400, height: 1000 });
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** A screenshot from the top of the page (the shell's header is fixed, so a scrolled page would hide the title). */
const shoot = async (on: Page, name: string) => {
  await on.evaluate(() => window.scrollTo(0, 0));
  await screenshot(on, name);
};

/** Waits for running transitions (a panel or toast appearing) so a screenshot shows the settled page. */
const settled = (on: Page) =>
  on.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));

const entitlements = () => page.getByRole("table", { name: "Entitlements" });

describe("giving an existing user a role somewhere new", () => {
  it("invites an existing account to a new place: the preview says it, the answer says added, details show it", async () => {
    await signIn(page, app("invite?product=cms&instance=acme-cms"), "admin@acme.example");
    await page.getByRole("heading", { name: "Invite user" }).waitFor();
    await page.getByLabel("Email").fill("exp-viewer@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    await page.getByText("exp-viewer@acme.example already has an account here").waitFor();
    const preview = page.getByTestId("what-if-preview");
    await preview.getByText("What exp-viewer@acme.example would gain").waitFor();
    await preview
      .getByRole("group", { name: "CMS › Acme Site" })
      .getByRole("group", { name: "Gains" })
      .waitFor();
    await screenshot(page, "invite-existing-preview");

    await page.getByRole("button", { name: "Send invite" }).click();
    const added = page.getByTestId("added-roles");
    await added
      .getByText("exp-viewer@acme.example already has an account: no invitation was needed.")
      .waitFor();
    await added.getByText("Added Content Editors in CMS › Acme Site").waitFor();
    expect(await page.getByTestId("accept-links").count()).toBe(0);
    await shoot(page, "invite-existing-added");

    // Inviting again adds nothing and says it already had the role.
    await page.getByLabel("Email").fill("exp-viewer@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    await page.getByText("Nothing new: the account can already do all of this.").waitFor();
    await page.getByRole("button", { name: "Send invite" }).click();
    await added.getByText("Already had Content Editors in CMS › Acme Site").waitFor();

    await page.goto(app("users/demo-exp-viewer?context=cms/acme-cms"));
    await entitlements().getByText("Content Editors").waitFor();
    await entitlements().getByText("CMS › Acme Site").waitFor();
    await shoot(page, "invite-existing-details");
  });

  it("adds a role from user details at the place it was opened from, after reading the what-if", async () => {
    await signIn(
      page,
      app("users/demo-exp-publisher?context=experimentation/acme-exp/acme-homepage"),
      "admin@acme.example",
    );
    await page.getByText("No roles here").waitFor();
    expect(await page.getByText("invite from that instance or project").count()).toBe(0);
    await page.getByRole("button", { name: "Add role" }).click();
    const panel = page.getByRole("region", { name: "Add role" });
    await panel
      .getByText("Add a role for Exp publisher in Experimentation › Acme Experimentation › Homepage")
      .waitFor();
    await panel.getByRole("radio", { name: "Viewer", exact: true }).check();
    const preview = panel.getByTestId("what-if-preview");
    await preview.getByRole("group", { name: "Gains" }).first().waitFor();
    await settled(page);
    await screenshot(page, "user-details-add-role");

    await panel.getByRole("button", { name: "Add Viewer" }).click();
    await page
      .getByText("Exp publisher now has Viewer in Experimentation › Acme Experimentation › Homepage")
      .waitFor();
    await entitlements().getByText("Viewer", { exact: true }).waitFor();
    // The panel closes once the role is added (its closing may still be under way as the list updates).
    await panel.waitFor({ state: "detached" });
    await shoot(page, "user-details-role-added");
  });

  it("re-invites a user removed from the account: a new link, accepted, and the user signs in again", async () => {
    await signIn(page, app(), "admin@acme.example");
    const removed = await callApi(
      page,
      suite.origin,
      "users.removeFromAccount",
      { userId: "demo-exp-flag-viewer" },
      "POST",
    );
    expect(removed).toBeDefined();
    await page.goto(app("invite?product=cms&instance=acme-cms"));
    await page.getByLabel("Email").fill("exp-flag-viewer@acme.example");
    await page.getByRole("radio", { name: "Content Editors" }).check();
    await page.getByText("What exp-flag-viewer@acme.example would gain").waitFor();
    await page.getByRole("button", { name: "Send invite" }).click();
    const link = page.getByLabel("Accept link for exp-flag-viewer@acme.example");
    await link.waitFor();
    const acceptUrl = (await link.textContent()) ?? "";
    await shoot(page, "invite-removed-user-again");

    const visitor = await suite.browser.newContext();
    const invitee = await visitor.newPage();
    await invitee.goto(acceptUrl);
    await invitee.getByLabel("Your name").fill("Back Again");
    await invitee.getByLabel("Password", { exact: true }).fill("a-returning-password-1");
    await invitee.getByLabel("Confirm password").fill("a-returning-password-1");
    await invitee.getByRole("button", { name: "Accept and sign in" }).click();
    await expect(invitee.getByTestId("signed-in-as").textContent()).resolves.toContain(
      "Back Again (exp-flag-viewer@acme.example)",
    );
    await visitor.close();
  });

  it("the invite preview lists each gain once, at its widest place", async () => {
    await signIn(
      page,
      app("invite?product=experimentation&instance=acme-exp&project=acme-checkout"),
      "admin@acme.example",
    );
    await page.getByLabel("Email").fill("new.flagger@acme.example");
    await page.getByRole("radio", { name: "Editor", exact: true }).check();
    const preview = page.getByTestId("what-if-preview");
    await preview.getByText("What new.flagger@acme.example would gain").waitFor();
    await preview.getByRole("group", { name: /Development environment/ }).waitFor();
    expect(await preview.getByText("Create flags", { exact: true }).count()).toBe(1);
    await expect(
      preview.getByRole("group", { name: /Development environment/ }).textContent(),
    ).resolves.toContain("Launch: turn a flag on or off in an environment");
    await shoot(page, "invite-preview-once");
  });

  it("choosing a product asks where: no instance is picked silently, and the submit says what is missing", async () => {
    await signIn(page, app("invite"), "admin@acme.example");
    await page.getByRole("combobox", { name: "Product" }).click();
    await page.getByRole("option", { name: "CMS", exact: true }).click();
    expect(await page.getByRole("combobox", { name: "Instance" }).inputValue()).toBe("");
    await page
      .getByText("Choose an instance, or All CMS instances, to see the roles you may give.")
      .waitFor();
    expect(await page.getByRole("radio").count()).toBe(0);
    await page.getByLabel("Email").fill("somewhere@acme.example");
    await page.getByRole("button", { name: "Send invite" }).click();
    await page
      .getByRole("alert")
      .getByText("Access 1: choose a CMS instance, or All CMS instances")
      .waitFor();
    await shoot(page, "invite-place-missing");

    await page.getByRole("combobox", { name: "Instance" }).click();
    await page.getByRole("option", { name: "All CMS instances" }).click();
    await page.getByRole("radio", { name: "Content Editors" }).waitFor();
  });
});
