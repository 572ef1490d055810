// Every app's entry: the shared client and UI providers and a router under the app's path, rendered into the
// page's #root. An app's main.tsx imports the kit's styles and names its root component and path.
import { GatehouseProvider } from "@gatehouse/client";
import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { UiProvider } from "./ui-provider.tsx";

/** Renders `App` into #root, its routes under `basename` (e.g. "/admin-center"). */
export const startApp = (App: ComponentType, basename: string): void => {
  const root = document.getElementById("root");
  if (root === null) throw new Error("index.html has no #root");
  createRoot(root).render(
    <StrictMode>
      <GatehouseProvider>
        <UiProvider>
          <BrowserRouter basename={basename}>
            <App />
          </BrowserRouter>
        </UiProvider>
      </GatehouseProvider>
    </StrictMode>,
  );
};
