// Browser tests of signing in to Mission Control (real headless Chromium against the `pnpm start` server): the
// suite every app shares (@gatehouse/e2e's describeSignIn), run with this app's user and landing page.
import { describeSignIn } from "@gatehouse/e2e";

describeSignIn({
  app: "Mission Control",
  path: "/mission-control/",
  who: {
    title: "a customer's user lands on the customers page",
    email: "customeruser@acme.example",
    lands: "**/mission-control/customers",
  },
  screenshot: "mission-control-landing",
});
