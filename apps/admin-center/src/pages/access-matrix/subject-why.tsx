// "Why?" for another user's decision in the matrix: the engine's explanation of why that user may do the
// chosen action here (which grant decides), fetched when the popover opens.
import { type Resource, useTRPC } from "@gatehouse/client";
import { LoadingState, WhyPanel } from "@gatehouse/ui";
import { Anchor, Popover } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

export interface SubjectWhyProps {
  readonly subject: string;
  readonly action: string;
  readonly resource: Resource;
}

export const SubjectWhy = ({ subject, action, resource }: SubjectWhyProps) => {
  const trpc = useTRPC();
  const [opened, setOpened] = useState(false);
  const explanation = useQuery({
    ...trpc.authz.explain.queryOptions({ subject, action, resource }),
    enabled: opened,
  });
  return (
    <Popover width={420} position="bottom-end" shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Anchor
          component="button"
          type="button"
          size="xs"
          aria-label={`Why can ${subject} do it?`}
          onClick={() => setOpened((o) => !o)}
        >
          Why?
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        {explanation.data === undefined ? <LoadingState /> : <WhyPanel explanation={explanation.data} />}
      </Popover.Dropdown>
    </Popover>
  );
};
