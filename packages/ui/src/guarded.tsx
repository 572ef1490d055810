// A control the engine guards: rendered enabled when the signed-in user may do the action on the resource,
// disabled (never hidden) with a "Why?" popover holding the explanation otherwise. The server refuses anyway.
import { type Explanation, type Resource, useCan, useExplain } from "@gatehouse/client";
import { Anchor, Group, Popover } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { LoadingState } from "./states.tsx";
import { WhyPanel } from "./why-panel.tsx";

export interface GuardedProps {
  readonly action: string;
  readonly resource: Resource;
  /** Renders the control; `disabled` is true until the engine allows it. */
  readonly children: (disabled: boolean) => ReactNode;
  /** Offer "Why?" on allowed controls too (default: only refused ones). */
  readonly explainAllowed?: boolean;
}

export interface WhyPopoverProps {
  readonly opened: boolean;
  readonly onOpenedChange: (opened: boolean) => void;
  /** The explanation once it has loaded (fetched while `opened`). */
  readonly explanation: Explanation | undefined;
  /** The link's accessible name when "Why?" alone would not say whose decision it explains. */
  readonly label?: string;
  readonly position?: "bottom-start" | "bottom-end";
}

/** A "Why?" link opening the engine's explanation of one decision. */
export const WhyPopover = ({ opened, onOpenedChange, explanation, label, position }: WhyPopoverProps) => (
  <Popover
    width={420}
    position={position ?? "bottom-start"}
    shadow="md"
    opened={opened}
    onChange={onOpenedChange}
  >
    <Popover.Target>
      <Anchor
        component="button"
        type="button"
        size="xs"
        aria-label={label}
        onClick={() => onOpenedChange(!opened)}
      >
        Why?
      </Anchor>
    </Popover.Target>
    <Popover.Dropdown>
      {explanation === undefined ? <LoadingState /> : <WhyPanel explanation={explanation} />}
    </Popover.Dropdown>
  </Popover>
);

/** "Why?" for the signed-in user's own decision. */
export const WhyLink = ({ action, resource }: { action: string; resource: Resource }) => {
  const [opened, setOpened] = useState(false);
  const explanation = useExplain(action, resource, opened);
  return <WhyPopover opened={opened} onOpenedChange={setOpened} explanation={explanation.data} />;
};

export const Guarded = ({ action, resource, children, explainAllowed = false }: GuardedProps) => {
  const { allowed } = useCan(action, resource);
  const refused = allowed === false;
  return (
    <Group gap={6} wrap="nowrap" display="inline-flex">
      {children(allowed !== true)}
      {refused || (explainAllowed && allowed === true) ? (
        <WhyLink action={action} resource={resource} />
      ) : null}
    </Group>
  );
};
