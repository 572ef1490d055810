// The Admin Center's entry: the shared providers and router (startApp) around the app's routes.
// Served under /admin-center/, so the router's basename is that path.
import "@gatehouse/ui/styles.css";
import { startApp } from "@gatehouse/ui";
import { App } from "./app.tsx";

startApp(App, "/admin-center");
