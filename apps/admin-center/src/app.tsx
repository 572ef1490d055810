// The Admin Center's routes behind sign-in: a visitor sees the sign-in page; a signed-in admin lands where
// their admin level says (Products, the instances of their product, or their project's users).
import { useSession } from "@gatehouse/client";
import { ErrorState, LoadingState, Shell, SignInPage } from "@gatehouse/ui";
import { Route, Routes } from "react-router";
import { nav } from "./nav.ts";
import { Landing } from "./pages/landing.tsx";
import { routes } from "./routes.tsx";

export const App = () => {
  const session = useSession();
  if (session.isLoading) return <LoadingState label="Checking your session…" />;
  if (session.error !== null)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data;
  if (me === null || me === undefined) return <SignInPage product="Admin Center" />;
  return (
    <Shell product="Admin Center" me={me} nav={nav}>
      <Routes>
        <Route path="/" element={<Landing me={me} />} />
        {routes.map(({ path, element }) => (
          <Route key={path} path={path} element={element} />
        ))}
      </Routes>
    </Shell>
  );
};
