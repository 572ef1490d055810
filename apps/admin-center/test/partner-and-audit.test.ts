// Browser tests of partner access, the audit log and the access matrix (real headless Chromium against the
// `pnpm start` server): partner users ask through the API, the super admin decides in the Access requests page.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

const suite = browserSuite();

const app = (path = "") => `${suite.origin}/admin-center/${path}`;

/** A page of its own browser context, signed in as `email` at `path`. */
const signedIn = async (email: string, path = ""): Promise<Page> => {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 1200 } });
  const page = await context.newPage();
  await signIn(page, app(path), email);
  return page;
};

/** Calls a tRPC procedure as the page's user, with its session cookie and CSRF token, as the apps do. */
const call = (page: Page, procedure: string, input: unknown, mutation: boolean): Promise<unknown> =>
  callApi(page, suite.origin, procedure, input, mutation ? "POST" : "GET");

interface AccessRequest {
  readonly id: string;
  readonly status: string;
  readonly role: string;
  readonly ticket: string | null;
}

const request = (page: Page, input: object) =>
  call(page, "accessRequests.request", { customerOrg: "acme", ...input }, true) as Promise<AccessRequest>;

const production = {
  org: "acme",
  product: "mission-control",
  instance: "acme-mc-production",
  attrs: { production: true },
};

/** What the engine answers for the signed-in user of `page`. */
const check = (page: Page, action: string) =>
  call(page, "authz.check", { action, resource: production }, false);

/** The Mantine select labelled `label`: opens it and picks the option named `option`. */
const pick = async (page: Page, label: string, option: string) => {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
};

/** The status filter's segment named `name` (its radio input is visually hidden, as in every segmented control). */
const chooseStatus = (page: Page, name: string) =>
  page.getByRole("radio", { name }).evaluate((radio) => (radio as HTMLInputElement).click());

describe("Partner access requests", () => {
  it("a direct request is approved with the role the admin chose, and the grant works", async () => {
    const partner = await signedIn("partneruser@agency.example");
    await expect(check(partner, "mission-control:database.sync")).resolves.toBe("deny");
    const asked = await request(partner, {
      role: "mission-control:partnerDev",
      instance: "acme-mc-production",
      path: "direct",
      note: "Deploy the spring release",
    });
    expect(asked.status).toBe("pending");

    const admin = await signedIn("admin@acme.example", "access-requests");
    const row = admin.getByRole("row").filter({ hasText: "Deploy the spring release" });
    await row.getByText("Agency partnerUser").waitFor();
    await expect(row.textContent()).resolves.toContain("production");
    await screenshot(admin, "partner-access-requests");
    await row.getByRole("button", { name: "Approve the request of Agency partnerUser" }).click();
    const dialog = admin.getByRole("dialog", { name: "Approve partner access" });
    await expect(dialog.getByRole("combobox", { name: "Mission Control role" }).inputValue()).resolves.toBe(
      "partnerDev",
    );
    await pick(admin, "Mission Control role", "partnerAdmin");
    await screenshot(admin, "partner-access-approve-dialog");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await admin.getByText("Agency partnerUser (partneruser@agency.example) is now partnerAdmin").waitFor();
    await row.waitFor({ state: "detached" });

    await chooseStatus(admin, "All");
    const decided = admin.getByRole("row").filter({ hasText: "Deploy the spring release" });
    await expect(decided.textContent()).resolves.toContain("Approved");

    // The partner user now holds partnerAdmin on production: the engine allows what partnerUser could not.
    await expect(check(partner, "mission-control:database.sync")).resolves.toBe("allow");
    const mine = (await call(partner, "accessRequests.mine", undefined, false)) as AccessRequest[];
    expect(mine.find((r) => r.id === asked.id)?.status).toBe("approved");
  });

  it("denying asks for confirmation; an approved support ticket waits for the operator", async () => {
    const partnerAdmin = await signedIn("partneradmin@agency.example");
    const toDeny = await request(partnerAdmin, {
      role: "mission-control:partnerUser",
      instance: "acme-mc-sandbox",
      path: "direct",
      note: "Look at the sandbox logs",
    });
    const partnerDev = await signedIn("partnerdev@agency.example");
    const ticket = await request(partnerDev, {
      role: "mission-control:partnerAdmin",
      path: "support-ticket",
      note: "Run the yearly database sync",
    });

    const admin = await signedIn("admin@acme.example", "access-requests");
    const denied = admin.getByRole("row").filter({ hasText: "Look at the sandbox logs" });
    // The requester's name comes from the directory after the row: the outcome names whoever the row shows.
    await denied.getByText("partneradmin@agency.example").waitFor();
    await denied.getByRole("button", { name: "Deny the request of Agency partnerAdmin" }).click();
    const confirmation = admin.getByRole("dialog", { name: "Deny partner access" });
    await expect(confirmation.textContent()).resolves.toContain("sandbox");
    await confirmation.getByRole("button", { name: "Deny", exact: true }).click();
    await admin
      .getByText("Denied the request of Agency partnerAdmin (partneradmin@agency.example)")
      .waitFor();
    await denied.waitFor({ state: "detached" });

    const supportTicket = admin.getByRole("row").filter({ hasText: "Run the yearly database sync" });
    await expect(supportTicket.textContent()).resolves.toContain("Support ticket");
    await supportTicket.getByRole("button", { name: "Approve the request of Agency partnerDev" }).click();
    const dialog = admin.getByRole("dialog", { name: "Approve partner access" });
    await expect(dialog.getByRole("combobox", { name: "Mission Control role" }).isDisabled()).resolves.toBe(
      true,
    );
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await admin
      .getByText(/waits for the platform operator/)
      .first()
      .waitFor();

    await chooseStatus(admin, "Waiting for the operator");
    const waiting = admin.getByRole("row").filter({ hasText: "Run the yearly database sync" });
    await waiting.waitFor();
    await expect(waiting.textContent()).resolves.toMatch(
      /Customer approved.*Waiting for the operator.*Ticket GH-/,
    );
    await screenshot(admin, "partner-access-waiting-for-operator");

    const deniedMine = (await call(partnerAdmin, "accessRequests.mine", undefined, false)) as AccessRequest[];
    expect(deniedMine.find((r) => r.id === toDeny.id)?.status).toBe("denied");
    const ticketMine = (await call(partnerDev, "accessRequests.mine", undefined, false)) as AccessRequest[];
    expect(ticketMine.find((r) => r.id === ticket.id)?.status).toBe("customer-approved");
  });

  it("the customer's Mission Control admin may not decide: the section is not available to its role", async () => {
    const customerAdmin = await signedIn("customeradmin@acme.example", "access-requests");
    await customerAdmin
      .getByRole("heading", { name: "Partner access is not available to your role" })
      .waitFor();
    expect(await customerAdmin.getByRole("navigation", { name: "Main" }).getByRole("link").count()).toBe(0);
  });
});

describe("Audit log", () => {
  it("filters by action and shows an entry's before and after", async () => {
    const admin = await signedIn("admin@acme.example", "audit");
    await admin.getByRole("table", { name: "Audit entries" }).waitFor();
    // The action by its label (the code on hover), chosen by its label.
    await admin.getByRole("combobox", { name: "Action" }).fill("Partner access approved");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    const rows = admin.getByRole("table", { name: "Audit entries" }).locator("tbody tr");
    await admin.waitForFunction(() => {
      const actions = [...document.querySelectorAll("table[aria-label='Audit entries'] tbody tr")].map(
        (row) => row.children[2]?.textContent,
      );
      return actions.length === 2 && actions.every((action) => action === "Partner access approved");
    });
    await expect(
      rows.first().getByText("Partner access approved", { exact: true }).getAttribute("title"),
    ).resolves.toBe("access-request.approve");
    await rows
      .first()
      .getByRole("button", { name: /Show the changes of Partner access approved/ })
      .click();
    const snapshot = admin.getByRole("table", { name: "Audit entries" }).locator("pre").last();
    await expect(snapshot.textContent()).resolves.toContain('"status": "customer-approved"');
    await screenshot(admin, "audit-log-filtered");

    // A code typed as such is still searched.
    await admin.getByRole("combobox", { name: "Action" }).fill("access-request.deny");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.waitForFunction(() => {
      const actions = [...document.querySelectorAll("table[aria-label='Audit entries'] tbody tr")].map(
        (row) => row.children[2]?.textContent,
      );
      return actions.length === 1 && actions[0] === "Partner access denied";
    });
    await admin.getByRole("button", { name: "Clear filters" }).click();
    await admin
      .getByRole("table", { name: "Audit entries" })
      .getByText("Partner access requested")
      .first()
      .waitFor();

    // An actor given by name, as the log shows it, is searched by the user's id.
    await admin.getByLabel("Actor", { exact: true }).fill("Ada Admin");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await admin.waitForFunction(() => {
      // The entries' rows (an expanded entry's changes row is one cell of snapshots, not an actor).
      const rows = [...document.querySelectorAll("table[aria-label='Audit entries'] tbody tr")].filter(
        (row) => row.children.length > 1,
      );
      return rows.length > 0 && rows.every((row) => row.textContent?.includes("Ada Admin"));
    });
    await expect(
      admin.getByRole("table", { name: "Audit entries" }).getByText("Partner access approved").count(),
    ).resolves.toBe(2);
  });

  it("a lower admin level sees only the entries about what it administers", async () => {
    const admin = await signedIn("admin@acme.example");
    const editor = { kind: "user", id: "demo-customeruser" };
    await call(
      admin,
      "grants.create",
      {
        subject: editor,
        role: "cms:content-editors",
        scope: { org: "acme", product: "cms", instance: "acme-cms" },
      },
      true,
    );
    const instanceAdmin = await signedIn("instance-admin@acme.example", "audit");
    const entries = instanceAdmin.getByRole("table", { name: "Audit entries" });
    await entries.getByText("Role given").waitFor();
    await screenshot(instanceAdmin, "audit-log-instance-admin");
    // The CMS instance admin sees the grant on its instance, not the partner requests of Mission Control.
    await expect(entries.getByText("Partner access approved").count()).resolves.toBe(0);
    await expect(entries.locator("tbody tr").count()).resolves.toBe(1);
  });
});

/** Waits until the audit table lists entries, each of them naming `who` (an expanded entry's row is no entry). */
const everyEntryBy = (page: Page, who: string) =>
  page.waitForFunction((name) => {
    const rows = [...document.querySelectorAll("table[aria-label='Audit entries'] tbody tr")].filter(
      (row) => row.children.length > 1,
    );
    return rows.length > 0 && rows.every((row) => row.textContent?.includes(name));
  }, who);

describe("The audit log's Actor filter", () => {
  it("finds who acted by name or email for an admin below super admin, and partner users for the super admin", async () => {
    const instanceAdmin = await signedIn("instance-admin@acme.example");
    await call(
      instanceAdmin,
      "grants.create",
      {
        subject: { kind: "user", id: "demo-exp-viewer" },
        role: "cms:content-editors",
        scope: { org: "acme", product: "cms", instance: "acme-cms" },
      },
      true,
    );
    const name = ((await call(instanceAdmin, "auth.me", undefined, false)) as { name: string }).name;
    await instanceAdmin.goto(app("audit"));
    for (const actor of [name, "instance-admin@acme.example"]) {
      await instanceAdmin.getByLabel("Actor", { exact: true }).fill(actor);
      await instanceAdmin.getByRole("button", { name: "Apply filters" }).click();
      await everyEntryBy(instanceAdmin, name);
      await instanceAdmin
        .getByRole("table", { name: "Audit entries" })
        .getByText("Role given")
        .first()
        .waitFor();
    }
    await screenshot(instanceAdmin, "audit-actor-filter-instance-admin");

    // A partner user who asked for access in acme is found by its email.
    const admin = await signedIn("admin@acme.example", "audit");
    await admin.getByLabel("Actor", { exact: true }).fill("partneruser@agency.example");
    await admin.getByRole("button", { name: "Apply filters" }).click();
    await everyEntryBy(admin, "Agency partnerUser");
    const entries = admin.getByRole("table", { name: "Audit entries" });
    await entries.getByText("Partner access requested").first().waitFor();
    await expect(entries.getByText("Role given").count()).resolves.toBe(0);
    await screenshot(admin, "audit-actor-filter-partner");
  });
});

describe("Access matrix", () => {
  it("names a flag role's flag where it sits below the scope, never its id", async () => {
    const admin = await signedIn("admin@acme.example", "access-matrix");
    await pick(admin, "Product", "Experimentation");
    await admin.getByLabel("Search users").fill("exp-flag-none");
    const matrix = admin.getByRole("table", { name: "Users and roles" });
    const row = matrix.getByRole("row").filter({ hasText: "Exp flag-none" });
    await row.getByText("✓ New cart").waitFor();
    await expect(row.getByText("acme-new-cart").count()).resolves.toBe(0);
    await screenshot(admin, "access-matrix-flag-role");
  });

  it("shows users × roles on the production instance and who can restart its site", async () => {
    const admin = await signedIn("admin@acme.example", "access-matrix");
    await pick(admin, "Product", "Mission Control");
    const matrix = admin.getByRole("table", { name: "Users and roles" });
    await matrix.getByRole("row").filter({ hasText: "customeradmin@acme.example" }).waitFor();
    await screenshot(admin, "access-matrix-mission-control");
    await pick(admin, "Instance", "production");
    await admin.waitForURL(/product=mission-control&instance=acme-mc-production/);
    const partnerRow = matrix.getByRole("row").filter({ hasText: "partneruser@agency.example" });
    await partnerRow.waitFor();
    // The previous scope's page stays until the production page is shown whole: read the partnerAdmin column then.
    const partnerAdminCell = async () => {
      const column = (await matrix.locator("thead th").allTextContents()).indexOf("partnerAdmin");
      return column > 0 ? ((await partnerRow.locator("td").nth(column).textContent()) ?? "") : "";
    };
    await expect.poll(partnerAdminCell, { timeout: 30_000 }).toContain("✓");

    await admin.getByRole("combobox", { name: "Action" }).fill("site.restart");
    await admin.getByRole("option", { name: "Restart site", exact: true }).click();
    const who = admin.getByRole("table", { name: "Who can do it" });
    for (const email of [
      "customeruser@acme.example",
      "partneruser@agency.example",
      "partnerdev@agency.example",
    ])
      await who.getByText(email, { exact: false }).waitFor();
    await expect(who.getByText(/^admin@acme\.example/).count()).resolves.toBe(0);
    await who
      .getByRole("row")
      .filter({ hasText: "partneruser@agency.example" })
      .getByRole("button", { name: /Why can/ })
      .click();
    await expect(admin.getByTestId("why-panel").textContent()).resolves.toContain("Allowed");
    await screenshot(admin, "access-matrix-production");
  });
});

describe("Withdrawing an approval", () => {
  it("a support ticket waiting for the operator is withdrawn from its row, and ends denied for the partner", async () => {
    const partner = await signedIn("partneruser@agency.example");
    const ticket = await request(partner, {
      role: "mission-control:partnerUser",
      instance: "acme-mc-sandbox",
      path: "support-ticket",
      note: "Restart the sandbox nightly",
    });
    const admin = await signedIn("admin@acme.example", "access-requests");
    await call(admin, "accessRequests.decide", { id: ticket.id, approve: true }, true);

    await chooseStatus(admin, "Waiting for the operator");
    const waiting = admin.getByRole("row").filter({ hasText: "Restart the sandbox nightly" });
    await waiting.getByRole("button", { name: "Withdraw the approval of Agency partnerUser" }).click();
    const confirmation = admin.getByRole("dialog", { name: "Withdraw approval" });
    await expect(confirmation.textContent()).resolves.toContain("will not complete it");
    await confirmation.getByRole("button", { name: "Withdraw approval" }).click();
    await admin.getByText(/^Withdrew the approval of Agency partnerUser/).waitFor();
    await waiting.waitFor({ state: "detached" });

    const mine = (await call(partner, "accessRequests.mine", undefined, false)) as AccessRequest[];
    expect(mine.find((r) => r.id === ticket.id)?.status).toBe("denied");
    await partner.goto(`${suite.origin}/mission-control/partner-access`);
    await partner
      .getByRole("table", { name: "Your access requests" })
      .getByText(/approval withdrawn by the customer/)
      .waitFor();
  });
});
