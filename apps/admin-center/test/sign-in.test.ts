// Browser tests of signing in to the Admin Center (real headless Chromium against the `pnpm start` server): the
// suite every app shares (@gatehouse/e2e's describeSignIn), run with this app's user and landing page.
import { describeSignIn } from "@gatehouse/e2e";

describeSignIn({
  app: "Admin Center",
  path: "/admin-center/",
  who: {
    title: "the super admin lands on Products",
    email: "admin@acme.example",
    lands: "**/admin-center/products",
  },
  screenshot: "landing-super-admin",
});
