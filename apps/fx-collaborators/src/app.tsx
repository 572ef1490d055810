// Feature Experimentation's collaborator settings behind sign-in: a visitor signs in; a signed-in user picks
// one of its Feature projects, then manages its collaborators, their granular roles and its flags.
import { SignedInApp } from "@gatehouse/ui";
import { nav } from "./nav.ts";
import { routes } from "./routes.tsx";

export const App = () => (
  <SignedInApp product="Feature Experimentation" nav={nav} home="/projects" routes={routes} />
);
