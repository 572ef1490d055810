// The Admin Center behind sign-in (only /accept, an invitation link, is open): a visitor signs in; a signed-in
// admin lands where their admin level says, sees the sections it may use and searches users from the header;
// the platform operator gets its own console (operator-app.tsx).
import { type Me, useSession } from "@gatehouse/client";
import { SignedInApp } from "@gatehouse/ui";
import { nav } from "./nav.ts";
import { OperatorApp } from "./operator-app.tsx";
import { AcceptPage } from "./pages/invitations/accept-page.tsx";
import { Landing } from "./pages/landing.tsx";
import { routes } from "./routes.tsx";
import { UserSearch } from "./shell/user-search.tsx";

// An invitation link works without a session: accepting it sets the password.
const open = { "/accept": <AcceptPage /> };

// Any admin level finds a user from every page; the operator, and a user without an admin level, search none.
const tools = (me: Me) => ("sections" in me && me.sections.length > 0 ? <UserSearch /> : null);

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
      tools={tools}
    />
  );
