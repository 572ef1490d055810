// Decision table for the Content Marketing Platform (spec section 3, cmp): admin settings, creators' campaigns
// and tasks, collaborators limited to shared or assigned work (fail closed without either attribute), library roles.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const C = "cmp";
const m1 = path("acme", C, "m1");
const any = res(m1);
const shared = res(m1, { sharedWithSubject: true, assignedToSubject: false });
const assigned = res(m1, { sharedWithSubject: false, assignedToSubject: true });
const neither = res(m1, { sharedWithSubject: false, assignedToSubject: false });
const roles = [
  "admin",
  "creator",
  "collaborator-plus",
  "collaborator",
  "dam-requester",
  "guest",
  "library-only",
];

const w = world().users("acme", ...roles);
for (const r of roles) w.grant(r, `${C}:${r}`, m1);

describe("cmp decisions", () => {
  decisionTable(w.engine, [
    ["admin", `${C}:settings.manage`, any, "allow"],
    ["admin", `${C}:user.manage`, any, "allow"],
    ["admin", `${C}:team.manage`, any, "allow"],
    ["admin", `${C}:workflow.manage`, any, "allow"],
    ["admin", `${C}:campaign.edit`, neither, "allow"],
    ["creator", `${C}:campaign.create`, any, "allow"],
    ["creator", `${C}:task.create`, any, "allow"],
    ["creator", `${C}:library.upload`, any, "allow"],
    ["creator", `${C}:settings.manage`, any, "deny"],
    ["creator", `${C}:user.manage`, any, "deny"],
    ["creator", `${C}:workflow.manage`, any, "deny"],
    ["collaborator-plus", `${C}:idea-lab.access`, any, "allow"],
    ["collaborator-plus", `${C}:calendar.access`, any, "allow"],
    ["collaborator-plus", `${C}:library.view`, any, "allow"],
    ["collaborator-plus", `${C}:library.upload`, any, "allow"],
    ["collaborator-plus", `${C}:campaign.view`, shared, "allow"],
    ["collaborator-plus", `${C}:task.edit`, assigned, "allow"],
    ["collaborator-plus", `${C}:campaign.view`, neither, "deny"],
    ["collaborator-plus", `${C}:campaign.create`, any, "deny"],
    ["collaborator-plus", `${C}:task.create`, any, "deny"],
    ["collaborator-plus", `${C}:settings.access`, any, "deny"],
    ["collaborator", `${C}:campaign.edit`, shared, "allow"],
    ["collaborator", `${C}:task.view`, assigned, "allow"],
    ["collaborator", `${C}:task.view`, neither, "deny"],
    ["collaborator", `${C}:campaign.view`, any, "deny", ["sharedWithSubject", "assignedToSubject"]],
    ["collaborator", `${C}:campaign.create`, any, "deny"],
    ["collaborator", `${C}:task.create`, any, "deny"],
    ["collaborator", `${C}:library.view`, any, "deny"],
    ["dam-requester", `${C}:requests.access`, any, "allow"],
    ["dam-requester", `${C}:library.view`, any, "allow"],
    ["dam-requester", `${C}:library.download`, any, "allow"],
    ["dam-requester", `${C}:library.upload`, any, "deny"],
    ["dam-requester", `${C}:campaign.create`, any, "deny"],
    ["guest", `${C}:request.submit`, any, "allow"],
    ["guest", `${C}:requests.access`, any, "allow"],
    ["guest", `${C}:request.manage-own`, any, "allow"],
    ["guest", `${C}:request.manage`, any, "deny"],
    ["guest", `${C}:library.view`, any, "deny"],
    ["library-only", `${C}:library.view`, any, "allow"],
    ["library-only", `${C}:library.search`, any, "allow"],
    ["library-only", `${C}:library.download`, any, "allow"],
    ["library-only", `${C}:library.upload`, any, "deny"],
    ["library-only", `${C}:requests.access`, any, "deny"],
  ]);
});
