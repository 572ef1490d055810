// The confirmation before running an action: what it does to which environment, an optional date and time to run
// it later, and for a destructive action the instance's name typed out (the button stays disabled until it matches).
import { SCHEDULE_HORIZON_DAYS, scheduleRefusal } from "@gatehouse/contracts";
import { localDateTimeValue } from "@gatehouse/ui";
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { ActionInfo } from "./actions.ts";
import type { RunRequest } from "./use-run.ts";

export interface RunDialogProps {
  readonly instance: { readonly id: string; readonly name: string; readonly production: boolean };
  readonly info: ActionInfo;
  readonly pending: boolean;
  readonly onRun: (request: RunRequest) => void;
  readonly onClose: () => void;
}

export const RunDialog = ({ instance, info, pending, onRun, onClose }: RunDialogProps) => {
  const [typed, setTyped] = useState("");
  const [later, setLater] = useState(false);
  const [at, setAt] = useState(() => localDateTimeValue(new Date(Date.now() + 60 * 60 * 1000)));
  const when = later ? new Date(at) : null;
  const badDate =
    when !== null &&
    (Number.isNaN(when.getTime()) ||
      when.getTime() <= Date.now() ||
      scheduleRefusal(when, Date.now()) !== undefined);
  const unconfirmed = info.destructive && typed !== instance.name;
  const submit = () =>
    onRun({
      action: info.action,
      ...(when === null ? {} : { scheduledFor: when.toISOString() }),
      ...(info.destructive ? { confirmName: typed } : {}),
    });
  return (
    <Modal opened onClose={onClose} title={`${info.label} on ${instance.name}?`} size="lg">
      <Stack>
        <Text size="sm">{info.description}</Text>
        {instance.production ? (
          <Alert color="red" variant="light" title="This is a production environment">
            Shoppers use this site right now.
          </Alert>
        ) : null}
        {info.destructive ? (
          <>
            <Alert color="red" title="This overwrites data">
              Everything in the database of {instance.name} is replaced by a copy of production. It cannot be
              undone.
            </Alert>
            <TextInput
              label={`Type "${instance.name}" to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
          </>
        ) : null}
        <Checkbox
          label="Schedule for later"
          checked={later}
          onChange={(e) => setLater(e.currentTarget.checked)}
        />
        {later ? (
          <TextInput
            type="datetime-local"
            label="Run at (your local time)"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={
              badDate
                ? `Choose a moment in the future, at most ${SCHEDULE_HORIZON_DAYS} days ahead`
                : undefined
            }
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close without running
          </Button>
          <Button
            color={info.destructive || instance.production ? "red" : "indigo"}
            disabled={unconfirmed || badDate}
            loading={pending}
            onClick={submit}
          >
            {later ? `Schedule ${info.label.toLowerCase()}` : info.label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
