// Experimentation's collaborator settings behind sign-in: a visitor signs in; a signed-in user picks one of its
// Feature or Web projects, then manages its collaborators (and a Feature project's granular roles and flags).
import { SignedInApp } from "@gatehouse/ui";
import { nav } from "./nav.ts";
import { routes } from "./routes.tsx";

export const App = () => <SignedInApp product="Experimentation" nav={nav} home="/projects" routes={routes} />;
