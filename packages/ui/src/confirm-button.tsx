// A guarded button that asks before it acts (delete, remove, revoke, cancel, resend): disabled with its "Why?"
// until the server allows the very call it makes (GuardedCall), then a confirmation naming what will happen.
import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { type ConfirmOptions, confirm } from "./confirm.tsx";
import { GuardedCall } from "./guarded-call.tsx";

export interface ConfirmButtonProps {
  /** The mutation `onConfirm` calls, by path, and the input it calls it with: what guards the button. */
  readonly procedure: string;
  readonly input: unknown;
  /** The button's text, and its accessible name when it names the object (`Delete Support team`). */
  readonly children: ReactNode;
  readonly ariaLabel?: string;
  /** What the confirmation says; a destructive one (the default) is red, on the button too. */
  readonly confirm: Omit<ConfirmOptions, "onConfirm">;
  readonly onConfirm: () => void;
  readonly pending?: boolean;
  /** "light" (the default) or "default" for a quieter button. */
  readonly variant?: "light" | "default";
}

export const ConfirmButton = ({
  procedure,
  input,
  children,
  ariaLabel,
  confirm: question,
  onConfirm,
  pending = false,
  variant = "light",
}: ConfirmButtonProps) => {
  const destructive = question.destructive ?? true;
  return (
    <GuardedCall procedure={procedure} input={input}>
      {(disabled) => (
        <Button
          size="xs"
          variant={variant}
          {...(destructive && variant === "light" ? { color: "red" } : {})}
          disabled={disabled}
          loading={pending}
          aria-label={ariaLabel}
          onClick={() => confirm({ ...question, destructive, onConfirm })}
        >
          {children}
        </Button>
      )}
    </GuardedCall>
  );
};
