// A control that calls one mutation, guarded by the server's own answer for that call (useMay): enabled when the
// procedure's authorization passes for the input, disabled (never hidden) with "Why?" giving the refusal otherwise.
import { useMay } from "@gatehouse/client";
import { Anchor, Group, Popover, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface GuardedCallProps {
  /** The mutation the control calls, by path (e.g. "users.removeFromAccount"). */
  readonly procedure: string;
  /** The input it calls it with. */
  readonly input: unknown;
  /** Renders the control; `disabled` is true until the server allows the call. */
  readonly children: (disabled: boolean) => ReactNode;
}

/** "Why?" next to a refused control: the words the call itself would be refused with. */
export const WhyRefused = ({ reason }: { reason: string }) => (
  <Popover width={360} position="bottom-start" shadow="md">
    <Popover.Target>
      <Anchor component="button" type="button" size="xs">
        Why?
      </Anchor>
    </Popover.Target>
    <Popover.Dropdown>
      <Text size="sm" data-testid="why-refused">
        {reason}
      </Text>
    </Popover.Dropdown>
  </Popover>
);

export const GuardedCall = ({ procedure, input, children }: GuardedCallProps) => {
  const { allowed, answer } = useMay(procedure, input);
  return (
    <Group gap={6} wrap="nowrap" display="inline-flex">
      {children(allowed !== true)}
      {answer?.allowed === false ? <WhyRefused reason={answer.reason} /> : null}
    </Group>
  );
};
