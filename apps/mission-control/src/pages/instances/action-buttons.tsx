// The actions of the spec on this environment, each a button asking the server about running it here (disabled
// with its "Why?" otherwise). The production syncs copy production over a sandbox, so on production they are off.
import { GuardedCall } from "@gatehouse/ui";
import { Button, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { type ActionInfo, actions } from "./actions.ts";

export interface ActionButtonsProps {
  readonly production: boolean;
  /** The instance's id: each button asks `operations.run` for its action here. */
  readonly instance: string;
  readonly onChoose: (info: ActionInfo) => void;
}

const syncs = new Set(["database.sync", "userfiles.sync"]);

export const ActionButtons = ({ production, instance, onChoose }: ActionButtonsProps) => (
  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
    {actions.map((info) => {
      const notHere = production && syncs.has(info.action);
      return (
        <Card key={info.action} withBorder padding="sm">
          <Stack gap={6} h="100%" justify="space-between">
            <Text size="xs" c="dimmed">
              {notHere ? "Copies production over a sandbox: run it from the sandbox." : info.description}
            </Text>
            <GuardedCall procedure="operations.run" input={{ instance, action: info.action }}>
              {(disabled) => (
                <Button
                  size="sm"
                  variant={info.destructive ? "outline" : "light"}
                  color={info.destructive ? "red" : "indigo"}
                  disabled={disabled || notHere}
                  h="auto"
                  mih={36}
                  styles={{ label: { whiteSpace: "normal", textAlign: "left", paddingBlock: 6 } }}
                  onClick={() => onChoose(info)}
                >
                  {info.label}
                </Button>
              )}
            </GuardedCall>
          </Stack>
        </Card>
      );
    })}
  </SimpleGrid>
);
