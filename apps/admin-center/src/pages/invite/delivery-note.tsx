// What became of an invitation's email, as the server answered it: sent, kept in the dev Outbox (with the way
// there), or not sent, in red with what to do (the invitation stands: copy its link or resend).
import type { RouterOutputs } from "@gatehouse/client";
import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";

export type Delivery = RouterOutputs["invitations"]["resend"]["delivery"];

export const DeliveryNote = ({ delivery }: { delivery: Delivery }) =>
  delivery.status === "failed" ? (
    <Text size="sm" c="red.8" role="alert">
      {delivery.message}
    </Text>
  ) : (
    <Text size="sm">
      {delivery.message}{" "}
      {delivery.status === "outbox" ? (
        <Anchor component={Link} to="/outbox">
          Open the Outbox
        </Anchor>
      ) : null}
    </Text>
  );
