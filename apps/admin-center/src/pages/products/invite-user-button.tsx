// "Invite user" on a place's page (an instance or a project): guarded by `admin-center:user.invite` there, and
// leading to the invite page with that place chosen.
import { Guarded } from "@gatehouse/ui";
import { Button } from "@mantine/core";
import { useNavigate } from "react-router";
import { invitePath, type UserScope } from "./scope-paths.ts";

export const InviteUserButton = ({ org, scope }: { org: string; scope: UserScope }) => {
  const navigate = useNavigate();
  return (
    <Guarded action="admin-center:user.invite" resource={{ org, ...scope }}>
      {(disabled) => (
        <Button disabled={disabled} onClick={() => navigate(invitePath(scope))}>
          Invite user
        </Button>
      )}
    </Guarded>
  );
};
