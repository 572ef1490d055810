// A user details button that calls one mutation after its own confirmation (the hooks in user-mutations.ts):
// disabled, with the server's "Why?", until the server allows the very call (GuardedCall).
import { GuardedCall } from "@gatehouse/ui";
import { Button } from "@mantine/core";

export interface GuardedButtonProps {
  readonly procedure: string;
  readonly input: unknown;
  readonly label: string;
  /** "danger" for what takes roles away; "quiet" and "primary" otherwise. */
  readonly tone: "danger" | "quiet" | "primary";
  readonly pending: boolean;
  readonly onClick: () => void;
}

const looks = {
  danger: { color: "red", variant: "light" },
  quiet: { variant: "default" },
  primary: { variant: "filled" },
} as const;

export const GuardedButton = ({ procedure, input, label, tone, pending, onClick }: GuardedButtonProps) => (
  <GuardedCall procedure={procedure} input={input}>
    {(disabled) => (
      <Button {...looks[tone]} disabled={disabled} loading={pending} onClick={onClick}>
        {label}
      </Button>
    )}
  </GuardedCall>
);
