// Feature Experimentation's collaborator settings behind sign-in: a visitor signs in; a signed-in user picks
// one of its Feature projects, then manages its collaborators, their granular roles and its flags.
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
  if (me === null || me === undefined) return <SignInPage product="Feature Experimentation" />;
  return (
    <Shell product="Feature Experimentation" me={me} nav={nav}>
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/" element={<Navigate to="/projects" replace />} />
          {routes.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </Shell>
  );
};
