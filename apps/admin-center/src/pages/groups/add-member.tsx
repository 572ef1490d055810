// Adds a user of the organization to a custom group: a server-side search over users.list (never the whole
// list), then Add member, guarded by the server's answer for adding the picked user (groups.addMember).
import { useGatehouse, useRefresh, useTRPC } from "@gatehouse/client";
import { GuardedCall, toast } from "@gatehouse/ui";
import { Button, Group, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

export const AddMember = ({
  groupId,
  groupName,
  org,
}: {
  groupId: string;
  groupName: string;
  org: string;
}) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [search, setSearch] = useState("");
  const [userId, setUserId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({
    ...trpc.users.list.queryOptions({ org, search: debounced, limit: 10 }),
    placeholderData: (previous) => previous,
  });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  const add = useMutation({
    mutationFn: (user: string) => client.groups.addMember.mutate({ groupId, userId: user }),
    onSuccess: () => {
      const label = options.find((o) => o.value === userId)?.label ?? "the user";
      toast.success(`Added ${label} to ${groupName}`);
      setUserId(null);
      setSearch("");
      void refresh.after("member.added");
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <Group align="flex-end">
      <Select
        label="Add a member"
        placeholder="Search users by name or email"
        searchable
        clearable
        w={420}
        data={options}
        value={userId}
        onChange={setUserId}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: found }) => found}
        nothingFoundMessage={users.isFetching ? "Searching…" : "No user matches"}
      />
      {userId === null ? (
        <Button disabled>Add member</Button>
      ) : (
        <GuardedCall procedure="groups.addMember" input={{ groupId, userId }}>
          {(disabled) => (
            <Button disabled={disabled} loading={add.isPending} onClick={() => add.mutate(userId)}>
              Add member
            </Button>
          )}
        </GuardedCall>
      )}
    </Group>
  );
};
