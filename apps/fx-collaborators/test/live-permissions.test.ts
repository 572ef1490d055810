// Browser tests of permission answers that follow another session's change of the records they are built from
// (headless Chromium, two sessions): an environment marked production, a flag set running, without a reload.
import { browserSuite, callApi, screenshot, whyShown } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { flagToggle, openAs } from "./support/pages.ts";

const suite = browserSuite();
const app = () => `${suite.origin}/fx-collaborators/`;
const project = "acme-checkout";
const development = "acme-checkout-development";

/** A live change: its notice, then the page's refetch of the answers, on a shared machine. */
const live = { timeout: 20_000 };

const open = (email: string, path: string) => openAs(suite, app(), email, `${app()}${path}`);

/** Calls a mutation as the page's signed-in person. */
const mutate = (page: Page, path: string, input: unknown) => callApi(page, suite.origin, path, input, "POST");
const read = (page: Page, path: string, input: unknown) => callApi(page, suite.origin, path, input, "GET");

/** Marks the document: the mark survives live updates and is gone after a reload. */
const markDocument = (page: Page) =>
  page.evaluate(() => document.body.setAttribute("data-not-reloaded", "yes"));
const sameDocument = (page: Page) => page.evaluate(() => document.body.getAttribute("data-not-reloaded"));

const markProduction = async (admin: Page, production: boolean) => {
  const environments = (await read(admin, "projects.environments.list", { project })) as ReadonlyArray<{
    readonly id: string;
    readonly version: number;
  }>;
  const version = environments.find((e) => e.id === development)?.version;
  await mutate(admin, "environments.update", { id: development, version, production });
};

const setStatus = async (publisher: Page, status: "running" | "paused") => {
  const flags = (await read(publisher, "flags.list", { project })) as ReadonlyArray<{
    readonly id: string;
    readonly version: number;
  }>;
  const version = flags.find((f) => f.id === "acme-dark-mode")?.version;
  await mutate(publisher, "flags.setStatus", { id: "acme-dark-mode", version, status });
};

describe("Permission answers follow the records they are built from", () => {
  it("an editor's Development switch turns disabled with its reason when an admin marks Development production, and back", async () => {
    const editor = await open("exp-editor@acme.example", `projects/${project}/flags`);
    const admin = await open("exp-administrator@acme.example", `projects/${project}/flags`);
    const newCart = flagToggle(editor, "New cart", "Development");
    await expect.poll(() => newCart.isDisabled(), live).toBe(false);
    const row = editor.getByRole("table", { name: "Flags" }).getByRole("row", { name: /New cart/ });
    const whys = row.getByRole("button", { name: "Why?" });
    // Production's switch only (the editor never launches there).
    await expect.poll(() => whys.count(), live).toBe(1);
    await markDocument(editor);

    await markProduction(admin, true);
    await expect.poll(() => newCart.isDisabled(), live).toBe(true);
    await expect.poll(() => flagToggle(editor, "Dark mode", "Development").isDisabled(), live).toBe(true);
    await expect.poll(() => whys.count(), live).toBe(2);
    await whys.last().click();
    await expect
      .poll(() => editor.getByTestId("why-refused").textContent(), live)
      .toMatch(/Environment Editor/);
    await whyShown(editor);
    await screenshot(editor, "fx-live-development-production");
    await editor.keyboard.press("Escape");
    // The admin's own switch stays enabled: an administrator launches anywhere.
    await expect.poll(() => flagToggle(admin, "New cart", "Development").isDisabled(), live).toBe(false);

    await markProduction(admin, false);
    await expect.poll(() => newCart.isDisabled(), live).toBe(false);
    await expect.poll(() => whys.count(), live).toBe(1);
    await screenshot(editor, "fx-live-development-back");
    expect(await sameDocument(editor)).toBe("yes");
    await Promise.all([editor.context().close(), admin.context().close()]);
  });

  it("an editor's Edit and Archive of an audience turn disabled when the flag using it is set running, and back", async () => {
    const editor = await open("exp-editor@acme.example", `projects/${project}/audiences`);
    const publisher = await open("exp-publisher@acme.example", `projects/${project}/flags`);
    const beta = editor.getByRole("table", { name: "Audiences" }).getByRole("row", { name: /Beta testers/ });
    const edit = beta.getByRole("button", { name: "Edit Beta testers" });
    const archive = beta.getByRole("button", { name: "Archive Beta testers" });
    await expect.poll(() => edit.isDisabled(), live).toBe(false);
    await expect.poll(() => archive.isDisabled(), live).toBe(false);
    await markDocument(editor);

    await setStatus(publisher, "running");
    await beta.getByText("Dark mode · Development (running)").waitFor(live);
    await expect.poll(() => edit.isDisabled(), live).toBe(true);
    await expect.poll(() => archive.isDisabled(), live).toBe(true);
    await beta.getByRole("button", { name: "Why?" }).first().click();
    await expect.poll(() => editor.getByTestId("why-refused").textContent(), live).toMatch(/Dark mode/);
    await whyShown(editor);
    await screenshot(editor, "fx-live-audience-running");
    await editor.keyboard.press("Escape");

    await setStatus(publisher, "paused");
    await beta.getByText("Dark mode · Development (paused)").waitFor(live);
    await expect.poll(() => edit.isDisabled(), live).toBe(false);
    await expect.poll(() => archive.isDisabled(), live).toBe(false);
    await screenshot(editor, "fx-live-audience-paused");
    expect(await sameDocument(editor)).toBe("yes");
    await Promise.all([editor.context().close(), publisher.context().close()]);
  });
});
