// An app behind sign-in: a visitor gets the sign-in page (but for the app's open paths); a signed-in user the
// shell with the sections the server says it may use, each page loaded lazily inside its own error boundary.
import { type Me, useSession } from "@gatehouse/client";
import { type ReactElement, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { type NavItem, Shell } from "./app-shell.tsx";
import { NotAvailablePage } from "./not-available.tsx";
import { PageBoundary } from "./page-boundary.tsx";
import { QueryState } from "./query-state.tsx";
import { SignInPage } from "./sign-in-page.tsx";
import { LoadingState } from "./states.tsx";

/** A page by path; with a `section`, shown only to a user the server lets use that section. */
export interface AppRoute {
  readonly path: string;
  readonly element: ReactElement;
  /** The section's id (auth.me `sections`) and its name on the "not available to your role" page. */
  readonly section?: { readonly id: string; readonly name: string };
}

export interface SignedInAppProps {
  readonly product: string;
  readonly nav: ReadonlyArray<NavItem>;
  /** Where "/" leads once signed in, or what it shows for the signed-in account. */
  readonly home: string | ((me: Me) => ReactElement);
  readonly routes: ReadonlyArray<AppRoute>;
  /** Pages shown without a session, by path (an invitation link). */
  readonly open?: Readonly<Record<string, ReactElement>>;
  /** Header tools for the signed-in account (a search). */
  readonly tools?: (me: Me) => ReactNode;
}

/** Whether the server lets `me` use `section` (no section: everyone may). */
const mayUse = (me: Me, section: string | undefined): boolean =>
  section === undefined || ("sections" in me && (me.sections as ReadonlyArray<string>).includes(section));

export const SignedInApp = ({ product, nav, home, routes, open = {}, tools }: SignedInAppProps) => {
  const session = useSession();
  const { pathname } = useLocation();
  const openPage = open[pathname];
  if (openPage !== undefined) return openPage;
  const me = session.data;
  // A failed re-check of a known session keeps the app (and what its pages hold); it is asked again later.
  if (me === undefined) return <QueryState query={session} loading="Checking your session…" />;
  if (me === null) return <SignInPage product={product} />;
  return (
    <Shell product={product} me={me} nav={nav.filter((item) => mayUse(me, item.section))} tools={tools?.(me)}>
      <PageBoundary>
        <Suspense fallback={<LoadingState />}>
          <Routes>
            <Route path="/" element={typeof home === "string" ? <Navigate to={home} replace /> : home(me)} />
            {routes.map(({ path, element, section }) => (
              <Route
                key={path}
                path={path}
                element={
                  mayUse(me, section?.id) ? element : <NotAvailablePage section={section?.name ?? path} />
                }
              />
            ))}
          </Routes>
        </Suspense>
      </PageBoundary>
    </Shell>
  );
};
