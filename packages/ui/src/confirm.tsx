// Confirmation before a consequential action: a modal naming what will happen, with the confirming button
// labelled by the action; destructive actions are red.
import { Text } from "@mantine/core";
import { modals } from "@mantine/modals";

export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly destructive?: boolean;
  readonly onConfirm: () => void;
}

export const confirm = (options: ConfirmOptions): void => {
  modals.openConfirmModal({
    title: options.title,
    children: <Text size="sm">{options.message}</Text>,
    labels: { confirm: options.confirmLabel, cancel: "Cancel" },
    confirmProps: { color: options.destructive === true ? "red" : "indigo" },
    onConfirm: options.onConfirm,
  });
};
