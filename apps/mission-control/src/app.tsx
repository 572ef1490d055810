// Mission Control behind sign-in: a visitor signs in; a signed-in user starts from the customers it can reach
// (its own organization, and for a partner user every customer that granted it access).
import { useSession } from "@gatehouse/client";
import { ErrorState, LoadingState, Shell, SignInPage } from "@gatehouse/ui";
import { Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { nav } from "./nav.ts";
import { routes } from "./routes.tsx";

export const App = () => {
  const session = useSession();
  if (session.isLoading) return <LoadingState label="Checking your session…" />;
  if (session.error !== null)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data;
  if (me === null || me === undefined) return <SignInPage product="Mission Control" />;
  return (
    <Shell product="Mission Control" me={me} nav={nav}>
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/" element={<Navigate to="/customers" replace />} />
          {routes.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </Shell>
  );
};
