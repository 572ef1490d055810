// An environment's badge: production stands out in red (its actions touch the live site), a sandbox is calm.
// Used on the customer's instance list and on the instance page.
import { Badge } from "@mantine/core";

export const EnvironmentBadge = ({ production }: { production: boolean }) =>
  production ? (
    <Badge color="red" variant="filled">
      Production
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      Sandbox
    </Badge>
  );
