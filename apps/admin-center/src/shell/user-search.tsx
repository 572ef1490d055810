// The header's user search, on every Admin Center page for any admin level: type a name or an email, pick a user
// (a combobox: arrows, Enter, Escape) and its details open from a place the server says the admin may view it.
import { useSignedInOrg, useTRPC } from "@gatehouse/client";
import { Select, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { userDetailsPath } from "../pages/products/scope-paths.ts";

export const UserSearch = () => {
  const org = useSignedInOrg();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [typed, setTyped] = useState("");
  const [search] = useDebouncedValue(typed.trim(), 200);
  const found = useQuery({
    ...trpc.users.search.queryOptions({ org: org ?? "", search }),
    enabled: org !== undefined && search !== "",
  });
  if (org === undefined) return null;
  const users = search === "" ? [] : (found.data ?? []);
  const byId = new Map(users.map((user) => [user.id, user] as const));
  return (
    <Select
      aria-label="Find a user"
      placeholder="Find a user"
      size="xs"
      w={{ base: 130, sm: 260 }}
      searchable
      searchValue={typed}
      onSearchChange={setTyped}
      value={null}
      // The server has searched: every option it answered is shown.
      filter={({ options }) => options}
      data={users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
      nothingFoundMessage={
        search === "" ? undefined : found.isFetching ? "Searching…" : "No user you may view matches"
      }
      renderOption={({ option }) => {
        const user = byId.get(option.value);
        return (
          <div>
            <Text size="sm">{user?.name}</Text>
            <Text size="xs" c="dimmed">
              {user?.email}
              {user?.partnerOf == null ? "" : ` · partner user of ${user.partnerOf}`}
            </Text>
          </div>
        );
      }}
      onChange={(id) => {
        const user = id === null ? undefined : byId.get(id);
        if (user === undefined) return;
        setTyped("");
        navigate(userDetailsPath(user.id, user.place));
      }}
    />
  );
};
