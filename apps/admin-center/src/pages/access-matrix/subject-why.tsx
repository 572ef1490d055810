// "Why?" for another user's decision in the matrix: the engine's explanation of why that user may do the
// chosen action here (which grant decides), fetched when the popover opens; the button names the user.
import { type Resource, useTRPC } from "@gatehouse/client";
import { WhyPopover } from "@gatehouse/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

export interface SubjectWhyProps {
  readonly subject: string;
  /** The organization the matrix reads the user from (its name comes from the directory, as in UserLabel). */
  readonly org: string;
  readonly action: string;
  readonly resource: Resource;
}

export const SubjectWhy = ({ subject, org, action, resource }: SubjectWhyProps) => {
  const trpc = useTRPC();
  const user = useQuery({ ...trpc.users.get.queryOptions({ id: subject, context: { org } }), retry: false });
  const name = user.data?.user.name ?? "this user";
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
      label={`Why can ${name} do it?`}
      position="bottom-end"
    />
  );
};
