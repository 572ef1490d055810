// Browser tests of names instead of ids (issue 12, item 9) and of the CSV exports: the audit log names its
// actors (the id on hover), invitations their role and place, Why? its roles, places and action; the users
// list and the audit log download as CSV files whose content is read back.
import { readFile } from "node:fs/promises";
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/admin-center/${path}`;

const signedIn = async (email: string, path = ""): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, app(path), email);
  return page;
};

/** Clicks `button` and reads the CSV file it downloads, as records by header. */
const download = async (page: Page, button: string) => {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const text = await readFile(await file.path(), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { name: file.suggestedFilename(), rows: parsed.data };
};

describe("Names, not ids", () => {
  it("the audit log shows people by name, the id on hover, and exports what it shows", async () => {
    const admin = await signedIn("admin@acme.example", "audit");
    const entries = admin.getByRole("table", { name: "Audit entries" });
    await admin.getByRole("combobox", { name: "Action" }).fill("Signed in");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    const actor = entries.getByRole("button", { name: "Ada Admin" }).first();
    await actor.waitFor();
    // The action by its label, its code on hover.
    const action = entries.getByText("Signed in", { exact: true }).first();
    await expect(action.getAttribute("title")).resolves.toBe("auth.login");
    await expect(entries.getByText("auth.login", { exact: true }).count()).resolves.toBe(0);
    await expect(actor.getAttribute("title")).resolves.toBe("User id demo-admin");
    await expect(entries.getByText("demo-admin", { exact: true }).count()).resolves.toBe(0);
    await actor.hover();
    await screenshot(admin, "names-audit-log");

    const { name, rows } = await download(admin, "Export the log as CSV");
    expect(name).toBe("audit-acme.csv");
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Action))).toEqual(new Set(["auth.login"]));
    expect(rows[0]).toMatchObject({ Actor: "Ada Admin", "Actor id": "demo-admin" });
    await admin.getByText(/Exported \d+ row\(s\) to audit-acme\.csv/).waitFor();
    await screenshot(admin, "export-audit-log");
  });

  it("invitations show the role and the place by name", async () => {
    const admin = await signedIn("admin@acme.example", "invitations");
    const invited = await callApi(
      admin,
      suite.origin,
      "users.invite",
      {
        org: "acme",
        emails: ["named.editor@acme.example"],
        language: "en",
        grants: [
          {
            role: "experimentation:editor",
            scope: {
              org: "acme",
              product: "experimentation",
              instance: "acme-exp",
              project: "acme-checkout",
            },
          },
        ],
      },
      "POST",
    );
    expect(invited).toBeDefined();
    await admin.reload();
    const row = admin
      .getByRole("table", { name: "Invitations" })
      .getByRole("row")
      .filter({ hasText: "named.editor@acme.example" });
    const access = row.getByText("Editor at Experimentation › Acme Experimentation › Checkout");
    await access.waitFor();
    await expect(access.getAttribute("title")).resolves.toBe(
      "experimentation:editor at experimentation/acme-exp/acme-checkout",
    );
    await expect(row.textContent()).resolves.toContain("invited by Ada Admin");
    await screenshot(admin, "names-invitations");
  });

  it("Why? names the action, the role and the place", async () => {
    const admin = await signedIn("admin@acme.example", "access-matrix");
    await admin.getByRole("combobox", { name: "Product" }).click();
    await admin.getByRole("option", { name: "Mission Control", exact: true }).click();
    // The users × roles table above the action picker is read first, as a person would.
    const matrix = admin.getByRole("table", { name: "Users and roles" });
    await matrix.getByRole("row").filter({ hasText: "customeradmin@acme.example" }).waitFor();
    await admin.getByRole("combobox", { name: "Action" }).fill("site.restart");
    await admin.getByRole("option", { name: "Restart site", exact: true }).click();
    const who = admin.getByRole("table", { name: "Who can do it" });
    await who
      .getByRole("row")
      .filter({ hasText: "customeruser@acme.example" })
      .getByRole("button", { name: /Why can/ })
      .click();
    const panel = admin.getByTestId("why-panel");
    await panel.getByText("Restart site", { exact: true }).waitFor();
    const text = await panel.textContent();
    expect(text).toContain("allowed by customerUser");
    expect(text).toContain("customerUser on Acme › Mission Control");
    expect(text).not.toContain("mission-control:");
    await screenshot(admin, "names-why-panel");
  });

  it("the users list exports its users with product, instance and role by name", async () => {
    const admin = await signedIn("admin@acme.example", "products/cms/instances/acme-cms");
    await admin
      .getByRole("table", { name: /Users of/ })
      .getByText("instance-admin@acme.example")
      .waitFor();
    const { name, rows } = await download(admin, "Export users as CSV");
    expect(name).toBe("users-acme.csv");
    expect(rows).toContainEqual(
      expect.objectContaining({
        Email: "instance-admin@acme.example",
        Product: "CMS",
        Instance: "Acme Site",
      }),
    );
    expect(rows.every((r) => !r.Role?.includes(":"))).toBe(true);
    await screenshot(admin, "export-users");
  });
});
