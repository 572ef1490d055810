// Browser tests of signing in to the collaborators app (real headless Chromium against the `pnpm start` server): the
// suite every app shares (@gatehouse/e2e's describeSignIn), run with this app's user and landing page.
import { describeSignIn } from "@gatehouse/e2e";

describeSignIn({
  app: "Collaborators",
  path: "/fx-collaborators/",
  who: {
    title: "an editor lands on the projects page",
    email: "exp-editor@acme.example",
    lands: "**/fx-collaborators/projects",
  },
  screenshot: "fx-landing",
});
