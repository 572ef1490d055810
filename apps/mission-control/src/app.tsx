// Mission Control behind sign-in: a visitor signs in; a signed-in user starts from the customers it can reach
// (its own organization, and for a partner user every customer that granted it access).
import { SignedInApp } from "@gatehouse/ui";
import { nav } from "./nav.ts";
import { routes } from "./routes.tsx";

export const App = () => (
  <SignedInApp product="Mission Control" nav={nav} home="/customers" routes={routes} />
);
