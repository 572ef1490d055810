// The states every view shows while it has no data: loading, empty (with what to do next) and failed (with
// the API's message and a retry).

import { errorMessage } from "@gatehouse/client";
import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

export const LoadingState = ({ label = "Loading…" }: { label?: string }) => (
  <Center py="xl" aria-busy="true">
    <Stack align="center" gap="xs">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  </Center>
);

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <Center py="xl">
    <Stack align="center" gap={4}>
      <Text fw={600}>{title}</Text>
      {children === undefined ? null : (
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      )}
    </Stack>
  </Center>
);

export const ErrorState = ({
  error,
  onRetry,
  title = "Could not load this",
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) => (
  <Alert color="red" title={title} role="alert">
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry === undefined ? null : (
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Stack>
  </Alert>
);
