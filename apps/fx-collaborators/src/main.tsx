// The collaborators app's entry: the shared client and UI providers around the app's routes.
// Served under /fx-collaborators/, so the router's basename is that path.
import "@gatehouse/ui/styles.css";
import { GatehouseProvider } from "@gatehouse/client";
import { UiProvider } from "@gatehouse/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <GatehouseProvider>
      <UiProvider>
        <BrowserRouter basename="/fx-collaborators">
          <App />
        </BrowserRouter>
      </UiProvider>
    </GatehouseProvider>
  </StrictMode>,
);
