// "Why?" for another user's decision in the matrix: the engine's explanation of why that user may do the
// chosen action here (which grant decides), fetched when the popover opens.
import { type Resource, useTRPC } from "@gatehouse/client";
import { WhyPopover } from "@gatehouse/ui";
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
    <WhyPopover
      opened={opened}
      onOpenedChange={setOpened}
      explanation={explanation.data}
      label={`Why can ${subject} do it?`}
      position="bottom-end"
    />
  );
};
