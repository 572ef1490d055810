// The Admin Center behind sign-in (only /accept, an invitation link, is open): a visitor signs in; a signed-in
// admin lands where their admin level says (Products, their product's instances, or their project's users).
import { useSession } from "@gatehouse/client";
import { ErrorState, LoadingState, Shell, SignInPage } from "@gatehouse/ui";
import { Suspense } from "react";
import { Route, Routes, useLocation } from "react-router";
import { nav } from "./nav.ts";
import { AcceptPage } from "./pages/invitations/accept-page.tsx";
import { Landing } from "./pages/landing.tsx";
import { routes } from "./routes.tsx";

export const App = () => {
  const session = useSession();
  const { pathname } = useLocation();
  // An invitation link works without a session: accepting it sets the password.
  if (pathname === "/accept") return <AcceptPage />;
  if (session.isLoading) return <LoadingState label="Checking your session…" />;
  if (session.error !== null)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data;
  if (me === null || me === undefined) return <SignInPage product="Admin Center" />;
  return (
    <Shell product="Admin Center" me={me} nav={nav}>
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/" element={<Landing me={me} />} />
          {routes.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </Shell>
  );
};
