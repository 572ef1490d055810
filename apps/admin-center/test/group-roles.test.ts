// Browser tests of groups' roles and of who a place's user list shows: the super admin gives a group a role with
// the preview of what its members gain, a member then works there, the role is removed after the preview of the
// losses and a confirmation; an instance's users include the grants covering it, each saying where it sits.
import { browserSuite, callApi, screenshot, signIn } from "@gatehouse/e2e";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";

const suite = browserSuite();
let admin: Page;

const open = async (email: string, app: "admin-center" | "mission-control"): Promise<Page> => {
  const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, `${suite.origin}/${app}/`, email);
  return page;
};

let group = "";

beforeAll(async () => {
  admin = await open("admin@acme.example", "admin-center");
  // A custom group with one member (made and filled in the UI by other tests): Exp viewer, no Mission Control role.
  const made = (await callApi(
    admin,
    suite.origin,
    "groups.create",
    { org: "acme", name: "Release crew" },
    "POST",
  )) as { id: string };
  group = made.id;
  await callApi(
    admin,
    suite.origin,
    "groups.addMember",
    { groupId: group, userId: "demo-exp-viewer" },
    "POST",
  );
});

const sandboxUsers = () => admin.getByRole("table", { name: "Users of sandbox" });
const rowOf = (email: string) => sandboxUsers().getByRole("row").filter({ hasText: email });

describe("a group's roles", () => {
  it("gives the group a role after previewing what its members gain; the member then holds it", async () => {
    await admin.goto(`${suite.origin}/admin-center/groups/${group}`);
    await admin.getByRole("heading", { name: "Release crew" }).waitFor();
    await admin.getByText("No roles are granted to this group").waitFor();
    await admin.getByRole("button", { name: "Give role", exact: true }).click();
    const form = admin.getByLabel("Give role", { exact: true });
    await form.getByRole("combobox", { name: "Place" }).click();
    await admin.getByRole("option", { name: "sandbox", exact: true }).click();
    await form.getByRole("combobox", { name: "Role" }).click();
    await admin.getByRole("option", { name: "customerUser", exact: true }).click();

    const preview = admin.getByRole("region", { name: "What the members gain and lose" });
    await preview.getByText("Exp viewer").waitFor();
    await preview
      .getByRole("group", { name: /^Gains on/ })
      .getByText("Restart site")
      .waitFor();
    await screenshot(admin, "group-give-role-preview");

    await form.getByRole("button", { name: "Give role to Release crew" }).click();
    await admin.getByText("Release crew now gives customerUser on sandbox").waitFor();
    const roles = admin.getByRole("list", { name: "Roles this group gives" });
    await roles.getByText("customerUser").waitFor();
    await expect(roles.textContent()).resolves.toContain("Mission Control › sandbox");
    await screenshot(admin, "group-give-role-given");

    // The member signs in to Mission Control and finds the sandbox environment it may now work on.
    const member = await open("exp-viewer@acme.example", "mission-control");
    await member.goto(`${suite.origin}/mission-control/customers/acme`);
    const instances = member.getByRole("table", { name: "Instances" });
    await instances.getByRole("link", { name: "sandbox" }).waitFor();
    await expect(instances.getByRole("link", { name: "production" }).count()).resolves.toBe(0);
    await screenshot(member, "group-role-member-sees-sandbox");
    await member.context().close();
  });

  it("the instance's user list shows everyone its grants reach, with the role and where it sits", async () => {
    await admin.goto(`${suite.origin}/admin-center/products/mission-control/instances/acme-mc-sandbox`);
    await rowOf("exp-viewer@acme.example").getByText("via group").waitFor();
    await expect(rowOf("exp-viewer@acme.example").textContent()).resolves.toContain(
      "customerUser · this instance · via group Release crew",
    );
    await expect(rowOf("customeradmin@acme.example").textContent()).resolves.toContain(
      "customerAdmin · all environments",
    );
    await expect(rowOf("partneruser@agency.example").textContent()).resolves.toContain(
      "partnerUser · all environments",
    );
    await expect(sandboxUsers().getByRole("columnheader", { name: "Role" }).count()).resolves.toBe(1);
    await expect(admin.getByText("No users here yet").count()).resolves.toBe(0);
    await screenshot(admin, "instance-users-covering-grants");
  });

  it("a user listed via a group or from above shows those roles in its details, and Remove access says why not", async () => {
    await admin.goto(`${suite.origin}/admin-center/products/mission-control/instances/acme-mc-sandbox`);
    await rowOf("exp-viewer@acme.example").getByRole("link", { name: "Exp viewer" }).click();
    await admin.getByRole("heading", { name: "Exp viewer", level: 1 }).waitFor();
    const roles = admin.getByRole("table", { name: "Entitlements" });
    const viaGroup = roles.getByRole("row").filter({ hasText: "customerUser" });
    await viaGroup.getByText("this instance via group Release crew").waitFor();
    await viaGroup.getByRole("link", { name: "Open group Release crew" }).waitFor();
    const remove = admin.getByRole("button", { name: "Remove access" });
    await expect.poll(() => remove.isDisabled()).toBe(true);
    await remove.locator("xpath=..").getByRole("button", { name: "Why?" }).click();
    await expect(admin.getByTestId("why-refused").textContent()).resolves.toContain(
      "Exp viewer holds no role at sandbox itself: customerUser comes from group Release crew (this instance). To take it away, remove them from group Release crew.",
    );
    await admin.getByTestId("why-refused").waitFor();
    await screenshot(admin, "user-details-role-via-group");
    await admin.keyboard.press("Escape");

    await admin.goto(`${suite.origin}/admin-center/products/mission-control/instances/acme-mc-sandbox`);
    await rowOf("customeradmin@acme.example").getByRole("link").first().click();
    const above = roles.getByRole("row").filter({ hasText: "customerAdmin" });
    await above.getByText("all environments", { exact: true }).waitFor();
    await above.getByRole("link", { name: "Open Mission Control" }).waitFor();
    await expect.poll(() => admin.getByRole("button", { name: "Delete user" }).isDisabled()).toBe(true);
    await expect(admin.getByText("No roles here").count()).resolves.toBe(0);
    await screenshot(admin, "user-details-role-from-above");
  });

  it("removes the group's role after previewing what its members lose and confirming", async () => {
    await admin.goto(`${suite.origin}/admin-center/groups/${group}`);
    const roles = admin.getByRole("list", { name: "Roles this group gives" });
    await roles
      .getByRole("button", { name: "Remove Mission Control customerUser on Mission Control › sandbox" })
      .click();
    const preview = admin.getByRole("region", { name: "What the members gain and lose" });
    await preview
      .getByRole("group", { name: /^Loses on/ })
      .getByText("Restart site")
      .waitFor();
    await screenshot(admin, "group-remove-role-preview");
    await admin.getByRole("button", { name: "Remove role from group" }).click();
    const dialog = admin.getByRole("dialog");
    await expect(dialog.textContent()).resolves.toContain(
      'Remove Mission Control customerUser on Mission Control › sandbox from "Release crew"?',
    );
    await screenshot(admin, "group-remove-role-confirm");
    await dialog.getByRole("button", { name: "Remove role from group" }).click();
    await admin.getByText("No roles are granted to this group").waitFor();

    await admin.goto(`${suite.origin}/admin-center/products/mission-control/instances/acme-mc-sandbox`);
    await rowOf("customeradmin@acme.example").waitFor();
    await expect(rowOf("exp-viewer@acme.example").count()).resolves.toBe(0);
  });
});

describe("a product admin's view of a group", () => {
  it("lists the roles the group gives at its products, says the others are hidden, and removes one", async () => {
    const call = (path: string, input: unknown) => callApi(admin, suite.origin, path, input, "POST");
    const mixed = (await call("groups.create", { org: "acme", name: "Mixed" })) as { id: string };
    await call("groups.addMember", { groupId: mixed.id, userId: "demo-customerdev" });
    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    await call("grants.create", {
      subject: { kind: "group", id: mixed.id },
      role: "cms:content-editors",
      scope: cms,
    });
    await call("grants.create", {
      subject: { kind: "group", id: mixed.id },
      role: "mission-control:customerAdmin",
      scope: { org: "acme", product: "mission-control" },
    });

    const pat = await open("product-admin@acme.example", "admin-center");
    await pat.goto(`${suite.origin}/admin-center/groups/${mixed.id}`);
    await pat.getByRole("heading", { name: "Mixed" }).waitFor();
    const given = pat.getByRole("list", { name: "Roles this group gives" });
    await given.getByText(/Content Editors/).waitFor();
    await expect(given.getByText(/Customer ?Admin/i).count()).resolves.toBe(0);
    await pat.getByText("It gives 1 more role at places you do not administer (not shown to you).").waitFor();
    // Its member's own roles are all in Mission Control, which this product admin does not administer.
    const member = pat.getByRole("row").filter({ hasText: "customerdev@acme.example" });
    await member.getByText("Not shown to you").waitFor();
    await expect(pat.getByText("None of their own").count()).resolves.toBe(0);
    await expect(pat.getByText("You may not view the users and grants there").count()).resolves.toBe(0);
    await screenshot(pat, "group-roles-product-admin");

    await given.getByRole("button", { name: /^Remove .*Content Editors/ }).click();
    await pat.getByRole("button", { name: "Remove role from group" }).click();
    await pat.getByRole("dialog").getByRole("button", { name: "Remove role from group" }).click();
    await pat.getByText(/Mixed no longer gives .*Content Editors/).waitFor();
    await expect.poll(() => pat.getByRole("list", { name: "Roles this group gives" }).count()).toBe(0);
    await pat.getByText("It gives 1 more role at places you do not administer (not shown to you).").waitFor();
  });
});
