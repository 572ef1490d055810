// The Admin Center behind sign-in (only /accept, an invitation link, is open): a visitor signs in; a signed-in
// admin lands where their admin level says (Products, their product's instances, or their project's users), and
// the platform operator gets its own console (operator-app.tsx).
import { useSession } from "@gatehouse/client";
import { SignedInApp } from "@gatehouse/ui";
import { nav } from "./nav.ts";
import { OperatorApp } from "./operator-app.tsx";
import { AcceptPage } from "./pages/invitations/accept-page.tsx";
import { Landing } from "./pages/landing.tsx";
import { routes } from "./routes.tsx";

// An invitation link works without a session: accepting it sets the password.
const open = { "/accept": <AcceptPage /> };

export const App = () =>
  useSession().data?.kind === "operator" ? (
    <OperatorApp open={open} />
  ) : (
    <SignedInApp
      product="Admin Center"
      nav={nav}
      home={(me) => <Landing me={me} />}
      routes={routes}
      open={open}
    />
  );
