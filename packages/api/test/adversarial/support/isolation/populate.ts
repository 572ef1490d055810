// Fills a customer organization through the API the way its administrators would: a custom group with a member
// and a grant, a custom role, a pending invitation, a staging environment, a scheduled operation, a partner's
// pending access request and an API key (the sweep's API-key actor).
import { type App, type Credentials, call, type Reply } from "./http.ts";

/** What the organization's administrators made, by kind. */
export interface Populated {
  readonly apiKey: string;
}

const expectOk = (what: string, reply: Reply): Record<string, unknown> => {
  if (reply.status !== 200) throw new Error(`${what}: ${reply.status} ${reply.raw}`);
  return reply.data as Record<string, unknown>;
};

/** The signed-in users populate needs: the org's super admin, Experimentation administrator, MC customerAdmin. */
export interface Populators {
  readonly admin: Credentials;
  readonly expAdministrator: Credentials;
  readonly customerAdmin: Credentials;
  /** A partner user of agency, who asks the organization for access. */
  readonly partner: Credentials;
}

/** Populates `org` (its ids follow the demo's pattern: `<org>-cms`, `<org>-checkout`, `<org>-mc-sandbox`). */
export const populate = async (app: App, org: string, as: Populators): Promise<Populated> => {
  const label = org.charAt(0).toUpperCase() + org.slice(1);
  const group = expectOk(
    "groups.create",
    await call(app, "mutation", "groups.create", { org, name: `${label} support team` }, as.admin),
  );
  expectOk(
    "groups.addMember",
    await call(
      app,
      "mutation",
      "groups.addMember",
      { groupId: group.id, userId: `${org === "acme" ? "demo" : org}-customeruser` },
      as.admin,
    ),
  );
  const cms = { org, product: "cms", instance: `${org}-cms` };
  expectOk(
    "grants.create (group)",
    await call(
      app,
      "mutation",
      "grants.create",
      { subject: { kind: "group", id: group.id }, role: "cms:content-editors", scope: cms },
      as.admin,
    ),
  );
  expectOk(
    "roles.createCustom",
    await call(
      app,
      "mutation",
      "roles.createCustom",
      {
        product: "cms",
        instance: `${org}-cms`,
        roleName: `${label} reviewers`,
        description: `Reviews ${label}'s pages`,
        permissions: ["cms:edit-view.access", "cms:content.edit"],
      },
      as.admin,
    ),
  );
  expectOk(
    "users.invite",
    await call(
      app,
      "mutation",
      "users.invite",
      {
        org,
        emails: [`invitee@${org}.example`],
        name: `${label} Invitee`,
        language: "en",
        grants: [{ role: "cms:content-editors", scope: cms }],
      },
      as.admin,
    ),
  );
  expectOk(
    "environments.create",
    await call(
      app,
      "mutation",
      "environments.create",
      { project: `${org}-checkout`, key: "staging", name: `${label} staging` },
      as.expAdministrator,
    ),
  );
  expectOk(
    "operations.run",
    await call(
      app,
      "mutation",
      "operations.run",
      {
        instance: `${org}-mc-sandbox`,
        action: "database.backup",
        // As far ahead as a schedule may lie (90 days): it stays submitted for the whole sweep.
        scheduledFor: new Date(Date.now() + 89 * 24 * 60 * 60 * 1000).toISOString(),
      },
      as.customerAdmin,
    ),
  );
  expectOk(
    "accessRequests.request",
    await call(
      app,
      "mutation",
      "accessRequests.request",
      {
        customerOrg: org,
        role: "mission-control:partnerAdmin",
        instance: `${org}-mc-sandbox`,
        path: "direct",
        note: "Agency asks for the sandbox",
      },
      as.partner,
    ),
  );
  const key = expectOk(
    "apiKeys.create",
    await call(app, "mutation", "apiKeys.create", { name: `${label} backend` }, as.admin),
  );
  return { apiKey: String(key.key) };
};
