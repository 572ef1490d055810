// Browser tests of what an admin does to a user's account, as a person does it: Delete user on an instance takes
// only that instance's roles; Remove from account takes everything after a confirmation saying so; deactivating
// shows "Deactivated" and stops the user's sign-in (in a second browser), reactivating lets it sign in again. Lower
// admins and one's own account see Remove from account disabled with the server's reason.
import { browserSuite, callApi, demoPassword, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };

const api = (path: string, input: unknown, method: "GET" | "POST" = "POST") =>
  callApi(page, suite.origin, path, input, method);
const table = (name: string) => page.getByRole("table", { name });

/** Opens the row menu of `email` in the list on screen, once searched down to that one user, and picks `option`. */
const pick = async (email: string, option: string) => {
  await page.getByLabel("Search users").fill(email.split("@")[0] ?? email);
  await expect.poll(() => page.getByRole("row").count()).toBe(2);
  await page.getByRole("button", { name: `More options for ${email}` }).click();
  await page.getByRole("menuitem", { name: option }).click();
};

describe("Delete user and Remove from account", () => {
  it("Delete user on an instance removes only that instance's roles", async () => {
    await signIn(page, app(), "admin@acme.example");
    await api("grants.create", {
      subject: { kind: "user", id: "demo-exp-viewer" },
      role: "cms:content-editors",
      scope: cms,
    });
    await page.goto(app("products/cms/instances/acme-cms"));
    await pick("exp-viewer@acme.example", "Delete user");
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Delete Exp viewer from Acme Site?").waitFor();
    await dialog.getByText(/loses every role in Acme Site.*Roles elsewhere and the account stay/).waitFor();
    await screenshot(page, "accounts-delete-user-confirm");
    await dialog.getByRole("button", { name: "Delete user" }).click();
    await page.getByText(/Deleted Exp viewer from Acme Site \(1 role\(s\) removed\)/).waitFor();
    await page.getByText('No user matches "exp-viewer"').waitFor();

    // Its role on Checkout stays: it is still listed there.
    await page.goto(app("projects/acme-checkout"));
    await page.getByLabel("Search users").fill("exp-viewer");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await table("Users of Checkout").getByText("exp-viewer@acme.example").waitFor();
    await screenshot(page, "accounts-delete-user-other-place-kept");
  });

  it("Remove from account removes every role, after a confirmation saying so", async () => {
    await signIn(page, app(), "admin@acme.example");
    await api("users.invite", {
      org: "acme",
      emails: ["two.places@acme.example"],
      language: "en",
      grants: [
        { role: "cms:content-editors", scope: cms },
        { role: "experimentation:viewer", scope: checkout },
      ],
    });
    await page.goto(app("users"));
    await pick("two.places@acme.example", "Remove from account");
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Remove two.places from the account?").waitFor();
    await dialog
      .getByText(/loses every role and group in the whole organization.*can no longer sign in/)
      .waitFor();
    await screenshot(page, "accounts-remove-from-account-confirm");
    await dialog.getByRole("button", { name: "Remove from account" }).click();
    await page.getByText(/Removed two.places from the account \(2 role\(s\) removed\)/).waitFor();
    const row = table("Users of Acme").getByRole("row", { name: /two.places@acme.example/ });
    await row.getByText("Removed", { exact: true }).waitFor();
    await screenshot(page, "accounts-removed-from-account");

    // Its details say it is removed, and no longer offer removing it.
    await row.getByRole("link").first().click();
    const account = page.getByRole("group", { name: "Whole account" });
    await account.getByText("Removed from the account").waitFor();
    await expect(account.getByRole("button", { name: "Remove from account" }).count()).resolves.toBe(0);
  });
});

describe("Remove from account is the super admin's, never done to oneself", () => {
  it("the project owner's menu offers it disabled with the server's reason, and the API refuses", async () => {
    await signIn(page, app(), "project-owner@acme.example");
    await page.goto(app("projects/acme-checkout"));
    await page.getByLabel("Search users").fill("exp-editor");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.getByRole("button", { name: "More options for exp-editor@acme.example" }).click();
    const remove = page.getByRole("menuitem", { name: "Remove from account" });
    const reason =
      "Remove from account changes the whole account (its roles everywhere in the organization and its sign-in): only a super admin may";
    await expect.poll(() => remove.getAttribute("title")).toBe(reason);
    expect(await remove.isDisabled()).toBe(true);
    // The place's own options stay the project owner's.
    await expect.poll(() => page.getByRole("menuitem", { name: "Remove access" }).isEnabled()).toBe(true);
    await screenshot(page, "accounts-remove-from-account-project-owner");
    await expect(api("users.removeFromAccount", { userId: "demo-exp-editor" })).rejects.toThrow(
      /users.removeFromAccount/,
    );
  });

  it("the super admin's own details offer it disabled, with Why? saying another super admin can", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("users"));
    await page.getByLabel("Search users").fill("admin@acme");
    await table("Users of Acme").getByRole("link", { name: "Ada Admin" }).click();
    const account = page.getByRole("group", { name: "Whole account" });
    const remove = account.getByRole("button", { name: "Remove from account" });
    await remove.waitFor();
    await expect.poll(() => account.getByRole("button", { name: "Why?" }).count()).toBe(2);
    expect(await remove.isDisabled()).toBe(true);
    await account.getByRole("button", { name: "Why?" }).last().click();
    await expect(page.getByTestId("why-refused").textContent()).resolves.toBe(
      "You cannot remove yourself from the account: another super admin of the organization can",
    );
    await screenshot(page, "accounts-remove-from-account-self");
  });
});

describe("deactivating and reactivating an account", () => {
  it("a deactivated user cannot sign in; once reactivated it signs in", async () => {
    await signIn(page, app(), "admin@acme.example");
    await page.goto(app("users"));
    await pick("customeruser@acme.example", "Deactivate");
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/is signed out at once and cannot sign in/).waitFor();
    await screenshot(page, "accounts-deactivate-confirm");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    const row = table("Users of Acme").getByRole("row", { name: /customeruser@acme.example/ });
    await row.getByText("Deactivated", { exact: true }).waitFor();
    await screenshot(page, "accounts-deactivated-in-list");

    // The user, in a browser of its own, is refused.
    const other = await suite.newPage();
    await other.goto(app());
    await other.getByLabel("Email", { exact: true }).fill("customeruser@acme.example");
    await other.getByLabel("Password", { exact: true }).fill(demoPassword);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other
      .getByRole("alert")
      .getByText(/This account is deactivated/)
      .waitFor();
    await screenshot(other, "accounts-deactivated-sign-in-refused");

    // Its details say who deactivated it and when, and offer Reactivate.
    await row.getByRole("link", { name: "Acme customerUser" }).click();
    await page.getByText(/Deactivated by Ada Admin on/).waitFor();
    const reactivate = page.getByRole("button", { name: "Reactivate" });
    await expect.poll(() => reactivate.isEnabled()).toBe(true);
    await screenshot(page, "accounts-deactivated-details");
    await reactivate.click();
    await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
    await page.getByText("Reactivated Acme customerUser").waitFor();
    await page.getByRole("button", { name: "Deactivate" }).waitFor();
    expect(await page.getByText(/Deactivated by/).count()).toBe(0);

    await signIn(other, app(), "customeruser@acme.example");
    await screenshot(other, "accounts-reactivated-signed-in");
  });
});
