// An app behind sign-in: a visitor gets the sign-in page; a signed-in user the shell with the app's routes,
// each page loaded lazily, and the app's home at "/".
import { useSession } from "@gatehouse/client";
import { type ReactElement, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { type NavItem, Shell } from "./app-shell.tsx";
import { SignInPage } from "./sign-in-page.tsx";
import { ErrorState, LoadingState } from "./states.tsx";

export interface SignedInAppProps {
  readonly product: string;
  readonly nav: ReadonlyArray<NavItem>;
  /** Where "/" leads once signed in. */
  readonly home: string;
  readonly routes: ReadonlyArray<{ readonly path: string; readonly element: ReactElement }>;
}

export const SignedInApp = ({ product, nav, home, routes }: SignedInAppProps) => {
  const session = useSession();
  if (session.isLoading) return <LoadingState label="Checking your session…" />;
  if (session.error !== null)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data;
  if (me === null || me === undefined) return <SignInPage product={product} />;
  return (
    <Shell product={product} me={me} nav={nav}>
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          {routes.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </Shell>
  );
};
