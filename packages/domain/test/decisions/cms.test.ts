// Decision table for CMS (spec section 3, cms): commerce admins reach everything, content admins the admin
// and edit views plus add-ons and audiences without content editing, content editors only the edit view.
import { describe } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const C = "cms";
const s1 = path("acme", C, "s1");
const on = res(s1);

const w = world()
  .users("acme", "commerce-admin", "content-admin", "content-editor", "product-wide")
  .grant("commerce-admin", `${C}:commerce-admins`, s1)
  .grant("content-admin", `${C}:content-admins`, s1)
  .grant("content-editor", `${C}:content-editors`, s1)
  .grant("product-wide", `${C}:content-editors`, path("acme", C));

describe("cms decisions", () => {
  decisionTable(w.engine, [
    ["commerce-admin", `${C}:content.edit`, on, "allow"],
    ["commerce-admin", `${C}:content.publish`, on, "allow"],
    ["commerce-admin", `${C}:settings.manage`, on, "allow"],
    ["commerce-admin", `${C}:admin-view.access`, on, "allow"],
    ["content-admin", `${C}:admin-view.access`, on, "allow"],
    ["content-admin", `${C}:edit-view.access`, on, "allow"],
    ["content-admin", `${C}:addon.manage`, on, "allow"],
    ["content-admin", `${C}:audience.manage`, on, "allow"],
    ["content-admin", `${C}:content.edit`, on, "deny"],
    ["content-admin", `${C}:content.publish`, on, "deny"],
    ["content-editor", `${C}:edit-view.access`, on, "allow"],
    ["content-editor", `${C}:admin-view.access`, on, "deny"],
    ["content-editor", `${C}:content.edit`, on, "deny"],
    ["content-editor", `${C}:addon.manage`, on, "deny"],
    ["content-editor", `${C}:edit-view.access`, res(path("acme", C, "s2")), "deny"],
    ["product-wide", `${C}:edit-view.access`, res(path("acme", C, "s2")), "allow"],
  ]);
});
