// Browser tests of the audiences page and the audience roles in the preview (headless Chromium against the
// `pnpm start` server): a flag-viewer on the flag using an audience is refused editing it and reads why, while an
// audience that flag does not use is editable; a flag-none holder reads neither the hidden flag's name nor its id;
// an administrator reads the audience role and the use deciding it.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;

const open = async (email: string, path: string): Promise<Page> => {
  const page = await suite.newPage();
  await signIn(page, app(), email);
  await page.goto(`${app()}${path}`);
  return page;
};

const rowOf = (page: Page, audience: string) =>
  page.getByRole("table", { name: "Audiences" }).getByRole("row", { name: new RegExp(audience) });

describe("Audiences", () => {
  it("a flag-none holder of New cart reads its uses and the Why? without New cart named", async () => {
    const page = await open("exp-flag-none@acme.example", "projects/acme-checkout/audiences");
    await page.getByRole("heading", { name: "Audiences" }).waitFor();
    const returning = rowOf(page, "Returning customers");
    await returning.getByText("A flag hidden from you · Development").waitFor();
    await returning.getByRole("button", { name: "Why?" }).first().click();
    const why = page.getByTestId("why-refused");
    await expect
      .poll(() => why.textContent())
      .toMatch(/No Flag Access on a flag hidden from you in environment (Development|Production)/);
    await screenshot(page, "fx-audiences-flag-none-why");
    expect(await page.content()).not.toContain("New cart");
  });

  it("a flag-viewer of New cart cannot edit the audience New cart uses, and reads why; Beta testers is editable", async () => {
    const page = await open("exp-flag-viewer@acme.example", "projects");
    await page.getByRole("link", { name: "Audiences of Checkout" }).click();
    await page.getByRole("heading", { name: "Audiences" }).waitFor();

    const returning = rowOf(page, "Returning customers");
    await returning.getByText("New cart · Production (running)").waitFor();
    const edit = returning.getByRole("button", { name: "Edit Returning customers" });
    await expect.poll(() => edit.isDisabled()).toBe(true);
    await returning.getByRole("button", { name: "Why?" }).first().click();
    const why = page.getByTestId("why-refused");
    await expect.poll(() => why.textContent()).toMatch(/audience role Viewer/);
    await expect
      .poll(() => why.textContent())
      .toMatch(/Flag Viewer on flag New cart in environment (Development|Production)/);
    await screenshot(page, "fx-audiences-flag-viewer-refused");
    await page.keyboard.press("Escape");

    // The server refuses the call itself with the same words.
    const forced = await callApi(
      page,
      suite.origin,
      "audiences.archive",
      { id: "acme-returning", version: 3 },
      "POST",
    ).then(
      () => "allowed",
      (error: Error) => error.message,
    );
    expect(forced).toMatch(/audience role Viewer/);

    const beta = rowOf(page, "Beta testers");
    await beta.getByText("Dark mode · Development (draft)").waitFor();
    const editBeta = beta.getByRole("button", { name: "Edit Beta testers" });
    await expect.poll(() => editBeta.isDisabled()).toBe(false);
    await editBeta.click();
    const dialog = page.getByRole("dialog", { name: "Edit Beta testers" });
    await dialog.getByLabel("Name").fill("Beta group");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("Renamed to Beta group").waitFor();
    await rowOf(page, "Beta group").waitFor();
    await screenshot(page, "fx-audiences-flag-viewer-renamed");
    await page.context().close();
  });

  it("an administrator reads a collaborator's audience roles and the flag and environment that decided them", async () => {
    const page = await open(
      "exp-administrator@acme.example",
      "projects/acme-checkout/collaborators/demo-exp-flag-viewer",
    );
    const roles = page.getByRole("table", { name: "Audience roles" });
    const returning = roles.getByRole("row", { name: /Returning customers/ });
    await returning.getByText("Viewer", { exact: true }).waitFor();
    await returning.getByText(/^Flag Viewer on New cart in (Development|Production)$/).waitFor();
    const mobile = roles.getByRole("row", { name: /Mobile visitors/ });
    await mobile.getByText("Editor, the project role (no using flag lowers it)").waitFor();
    await page.getByRole("heading", { name: "Exp flag-viewer" }).waitFor();
    await page.getByRole("table", { name: "Effective permissions" }).getByRole("row").nth(1).waitFor();
    await page.getByText("Loading granular roles…").waitFor({ state: "detached" });
    await screenshot(page, "fx-audiences-preview");
    await page.context().close();
  });
});
