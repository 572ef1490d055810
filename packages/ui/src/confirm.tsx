// Confirmation before a consequential action: a modal naming what will happen, both buttons saying what they do
// (the action, and what declining keeps: "Keep operation"); destructive actions are red.
import { Text } from "@mantine/core";
import { modals } from "@mantine/modals";

export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** What declining does ("Keep operation"); "Go back" when omitted. */
  readonly cancelLabel?: string;
  readonly destructive?: boolean;
  readonly onConfirm: () => void;
}

export const confirm = (options: ConfirmOptions): void => {
  modals.openConfirmModal({
    title: options.title,
    children: <Text size="sm">{options.message}</Text>,
    labels: { confirm: options.confirmLabel, cancel: options.cancelLabel ?? "Go back" },
    confirmProps: { color: options.destructive === true ? "red" : "indigo" },
    onConfirm: options.onConfirm,
  });
};
