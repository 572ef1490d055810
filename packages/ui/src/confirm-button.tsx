// A guarded button that asks before it acts (delete, remove, revoke, cancel, resend): disabled with its "Why?"
// until the engine allows the action, then a confirmation naming what will happen, then `onConfirm`.
import type { Resource } from "@gatehouse/client";
import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { type ConfirmOptions, confirm } from "./confirm.tsx";
import { Guarded } from "./guarded.tsx";

export interface ConfirmButtonProps {
  /** The engine's action guarding the button, on `resource`. */
  readonly action: string;
  readonly resource: Resource;
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
  action,
  resource,
  children,
  ariaLabel,
  confirm: question,
  onConfirm,
  pending = false,
  variant = "light",
}: ConfirmButtonProps) => {
  const destructive = question.destructive ?? true;
  return (
    <Guarded action={action} resource={resource}>
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
    </Guarded>
  );
};
