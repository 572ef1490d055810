// Browser tests of server-side sorting (real headless Chromium against the `pnpm start` server): the User
// Manager's Name, Email and Status headers sort on the server and paging follows the sort; the audit log's
// Time header turns newest first into oldest first. What the table shows is compared with what the API answers.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

const suite = browserSuite();
let page: Page;

beforeEach(async () => {
  page = await suite.newPage();
});

const app = (path = "") => `${suite.origin}/admin-center/${path}`;
const cms = { product: "cms", instance: "acme-cms" };
/** The User Manager's page size. */
const pageSize = 25;

interface UserPage {
  readonly items: ReadonlyArray<{ readonly name: string; readonly email: string }>;
  readonly nextCursor: string | null;
}
interface AuditPage {
  readonly items: ReadonlyArray<{
    readonly actionName: string;
    readonly target: { readonly kind: string; readonly id: string | null; readonly name: string | null };
  }>;
}

/** Calls the API as the page's signed-in user (its cookies and CSRF token), as the app itself does. */
const api = (path: string, input: unknown, method: "GET" | "POST" = "GET") =>
  callApi(page, suite.origin, path, input, method);

const usersOfSite = () => page.getByRole("table", { name: "Users of Acme Site" });
const header = (name: string) => usersOfSite().getByRole("columnheader", { name });
/** The emails of the rows the User Manager shows (the second column). */
const shownEmails = () => usersOfSite().locator("tbody tr td:nth-child(2)").allTextContents();
const serverEmails = async (sort: { by: string; direction: string }, cursor?: string) => {
  const answer = (await api("users.list", {
    org: "acme",
    scope: cms,
    sort,
    limit: pageSize,
    ...(cursor === undefined ? {} : { cursor }),
  })) as UserPage;
  return { emails: answer.items.map((u) => u.email), nextCursor: answer.nextCursor };
};

describe("sorting on the server", () => {
  it("sorts the User Manager by name each way, pages in that order, and by status and email", async () => {
    await signIn(page, app(), "admin@acme.example");
    // Thirty invited users in Acme Site (names from their emails) make more than one page.
    const names = ["nora", "Oscar", "abel", "Zoe", "mia", "Liam", "eva", "Bruno", "ida", "Carl"];
    const emails = names.flatMap((name) =>
      [1, 2, 3].map((n) => `${name.toLowerCase()}.sort${n}@acme.example`),
    );
    await api(
      "users.invite",
      {
        org: "acme",
        emails,
        language: "en",
        grants: [{ role: "cms:content-editors", scope: { org: "acme", ...cms } }],
      },
      "POST",
    );

    await page.goto(app("products/cms/instances/acme-cms"));
    await usersOfSite().waitFor();
    // Email, A to Z, until asked otherwise.
    expect(await header("Email").getAttribute("aria-sort")).toBe("ascending");
    expect(await header("Name").getAttribute("aria-sort")).toBe("none");
    await expect.poll(shownEmails).toEqual((await serverEmails({ by: "email", direction: "asc" })).emails);

    await header("Name").getByRole("button", { name: "Name" }).click();
    expect(await header("Name").getAttribute("aria-sort")).toBe("ascending");
    expect(await header("Email").getAttribute("aria-sort")).toBe("none");
    const nameAsc = await serverEmails({ by: "name", direction: "asc" });
    await expect.poll(shownEmails).toEqual(nameAsc.emails);

    await header("Name").getByRole("button", { name: "Name" }).click();
    expect(await header("Name").getAttribute("aria-sort")).toBe("descending");
    const nameDesc = await serverEmails({ by: "name", direction: "desc" });
    await expect.poll(shownEmails).toEqual(nameDesc.emails);
    expect(nameDesc.emails).not.toEqual(nameAsc.emails);
    await screenshot(page, "sorting-user-manager-name-desc");

    // The next page continues the name order; Previous comes back to the first.
    expect(nameDesc.nextCursor).not.toBeNull();
    const second = await serverEmails({ by: "name", direction: "desc" }, nameDesc.nextCursor ?? undefined);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Page 2").waitFor();
    await expect.poll(shownEmails).toEqual(second.emails);
    expect(second.emails.some((e) => nameDesc.emails.includes(e))).toBe(false);
    await page.getByRole("button", { name: "Previous" }).click();
    await expect.poll(shownEmails).toEqual(nameDesc.emails);

    // Another sort starts again from page 1.
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Page 2").waitFor();
    await header("Status").getByRole("button", { name: "Status" }).click();
    await page.getByText("Page 1").waitFor();
    expect(await header("Status").getAttribute("aria-sort")).toBe("ascending");
    await expect.poll(shownEmails).toEqual((await serverEmails({ by: "status", direction: "asc" })).emails);
    await header("Email").getByRole("button", { name: "Email" }).click();
    await expect.poll(shownEmails).toEqual((await serverEmails({ by: "email", direction: "asc" })).emails);
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("turns the audit log from newest first to oldest first with the Time header", async () => {
    await signIn(page, app(), "admin@acme.example");
    for (const name of ["Sorters A", "Sorters B"]) await api("groups.create", { org: "acme", name }, "POST");
    await page.goto(app("audit"));
    const entries = page.getByRole("table", { name: "Audit entries" });
    await entries.waitFor();
    const time = entries.getByRole("columnheader", { name: "Time" });
    // Each row as its action and target by name ("Group created group Sorters A"), as the server's entries read.
    const shownEntries = async () =>
      (await entries.locator("tbody tr").all()).length === 0
        ? []
        : await entries
            .locator("tbody tr")
            .evaluateAll((rows) =>
              rows.map((row) => `${row.children[2]?.textContent} ${row.children[3]?.textContent}`),
            );
    const serverEntries = async (order: string) =>
      ((await api("audit.list", { org: "acme", order, limit: pageSize })) as AuditPage).items.map(
        (e) =>
          `${e.actionName} ${e.target.kind}${e.target.id === null ? "" : ` ${e.target.name ?? e.target.id}`}`,
      );

    expect(await time.getAttribute("aria-sort")).toBe("descending");
    const newest = await serverEntries("newest");
    await expect.poll(shownEntries).toEqual(newest);
    await time.getByRole("button", { name: "Time" }).click();
    expect(await time.getAttribute("aria-sort")).toBe("ascending");
    const oldest = await serverEntries("oldest");
    await expect.poll(shownEntries).toEqual(oldest);
    // The group made last leads the newest first; it is not where the oldest first starts.
    expect(newest[0]).toMatch(/^Group created group /);
    expect(oldest[0]).not.toEqual(newest[0]);
    await screenshot(page, "sorting-audit-oldest-first");
  });
});
