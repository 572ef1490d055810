// The collaborators app on a 390 px wide phone: every page visited has exactly one h1, "Skip to content" first
// for the keyboard and no sideways scroll (tables scroll by themselves).
import { browserSuite, checkPages, phone, signIn } from "@gatehouse/e2e";
import { describe, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/fx-collaborators/${path}`;

const pages = [
  "projects",
  "projects/acme-checkout/collaborators",
  "projects/acme-checkout/collaborators/demo-exp-editor",
  "projects/acme-checkout/flags",
  "projects/acme-checkout/environments/acme-checkout-production/roles",
  "projects/acme-checkout/flags/acme-new-cart/roles",
];

describe("the collaborators app at 390 px", () => {
  it("keeps one h1, the skip link and no sideways scroll on every page", async () => {
    const page = await suite.newPage(phone);
    await signIn(page, app(), "exp-administrator@acme.example");
    await checkPages(page, app, pages, "small-fx");
  });
});
