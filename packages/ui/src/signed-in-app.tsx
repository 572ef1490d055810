// An app behind sign-in: a visitor gets the sign-in page (but for the app's open paths); a signed-in user the
// shell with the app's routes, each page loaded lazily, and the app's home at "/".
import { type Me, useSession } from "@gatehouse/client";
import { type ReactElement, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { type NavItem, Shell } from "./app-shell.tsx";
import { QueryState } from "./query-state.tsx";
import { SignInPage } from "./sign-in-page.tsx";
import { LoadingState } from "./states.tsx";

export interface SignedInAppProps {
  readonly product: string;
  readonly nav: ReadonlyArray<NavItem>;
  /** Where "/" leads once signed in, or what it shows for the signed-in account. */
  readonly home: string | ((me: Me) => ReactElement);
  readonly routes: ReadonlyArray<{ readonly path: string; readonly element: ReactElement }>;
  /** Pages shown without a session, by path (an invitation link). */
  readonly open?: Readonly<Record<string, ReactElement>>;
}

export const SignedInApp = ({ product, nav, home, routes, open = {} }: SignedInAppProps) => {
  const session = useSession();
  const { pathname } = useLocation();
  const openPage = open[pathname];
  if (openPage !== undefined) return openPage;
  const me = session.data;
  if (me === undefined || session.error !== null)
    return <QueryState query={session} loading="Checking your session…" />;
  if (me === null) return <SignInPage product={product} />;
  return (
    <Shell product={product} me={me} nav={nav}>
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route path="/" element={typeof home === "string" ? <Navigate to={home} replace /> : home(me)} />
          {routes.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      </Suspense>
    </Shell>
  );
};
