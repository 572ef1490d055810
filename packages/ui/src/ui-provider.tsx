// The kit's root: Mantine's theme, its modal manager (confirmations) and the toast outlet, once per app.
// Apps render <UiProvider> inside <GatehouseProvider> and everything below may use the kit.
import { createTheme, MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import type { ReactNode } from "react";

const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});

export const UiProvider = ({ children }: { children: ReactNode }) => (
  <MantineProvider theme={theme} defaultColorScheme="light">
    <ModalsProvider>
      <Notifications position="top-right" />
      {children}
    </ModalsProvider>
  </MantineProvider>
);
