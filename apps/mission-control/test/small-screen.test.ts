// Mission Control on a 390 px wide phone: every page visited has exactly one h1, "Skip to content" first for the
// keyboard and no sideways scroll, for a customer's admin and for a partner's user.
import { browserSuite, checkPages, phone, signIn } from "@gatehouse/e2e";
import { describe, it } from "vitest";

const suite = browserSuite();
const app = (path = "") => `${suite.origin}/mission-control/${path}`;

describe("Mission Control at 390 px", () => {
  it.each([
    [
      "customeradmin@acme.example",
      [
        "customers",
        "customers/acme",
        "customers/acme/instances/acme-mc-production",
        "history",
        "partner-access",
      ],
    ],
    ["partneruser@agency.example", ["customers", "partner-access"]],
  ])("%s: one h1, the skip link and no sideways scroll on every page", async (email, paths) => {
    const page = await suite.newPage(phone);
    await signIn(page, app(), email);
    await checkPages(page, app, paths, `small-mission-control-${email.split("@")[0]}`);
  });
});
