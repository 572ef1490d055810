// A page's error boundary: a page that fails while rendering shows what went wrong in words, "Try again" and a
// way back, inside the shell, so the header and navigation keep working; moving to another page starts afresh.
import { errorMessage } from "@gatehouse/client";
import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { Link, useLocation } from "react-router";

const PageFailed = ({ error, resetErrorBoundary }: FallbackProps) => (
  <Stack>
    <Title order={1} size="h2">
      This page could not be shown
    </Title>
    <Alert color="red" title="Something went wrong on this page" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        <Text size="sm">The rest of the app still works: try again, or go to another page.</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" color="red" onClick={resetErrorBoundary}>
            Try again
          </Button>
          <Button size="xs" variant="default" component={Link} to="/">
            Back to the start page
          </Button>
        </Group>
      </Stack>
    </Alert>
  </Stack>
);

/** Keeps a failing page to itself; it is tried afresh on "Try again" or when the location changes. */
export const PageBoundary = ({ children }: { children: ReactNode }) => {
  const { pathname, search } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={PageFailed} resetKeys={[pathname, search]}>
      {children}
    </ErrorBoundary>
  );
};
