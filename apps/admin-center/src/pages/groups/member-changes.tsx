// What a change to a group's roles means for its members, before it is made (whatIf.preview for the group): the
// members whose actions change the same way together, each change once per place, gains green and losses red.
import { type RouterInputs, type RouterOutputs, useTRPC } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { ActionBadges } from "../users/action-badges.tsx";
import { useScopeNames } from "../users/scope-names.ts";

type Change = RouterInputs["whatIf"]["preview"]["change"];
type ScopeDiff = RouterOutputs["whatIf"]["preview"]["scopes"][number];

export interface MemberChangesProps {
  readonly org: string;
  readonly groupId: string;
  readonly change: Change;
  /** Member names by user id (the page's members); others are counted. */
  readonly names: ReadonlyMap<string, string>;
}

/** The places whose actions change, and the members they change for alike (one entry per distinct change). */
const alikeChanges = (members: ReadonlyArray<{ subject: string; scopes: ReadonlyArray<ScopeDiff> }>) => {
  const byChange = new Map<string, { scopes: ReadonlyArray<ScopeDiff>; members: string[] }>();
  for (const member of members) {
    const scopes = member.scopes.filter((s) => s.gained.length > 0 || s.lost.length > 0);
    if (scopes.length === 0) continue;
    const key = JSON.stringify(scopes);
    const entry = byChange.get(key) ?? { scopes, members: [] };
    entry.members.push(member.subject);
    byChange.set(key, entry);
  }
  return [...byChange.values()];
};

export const MemberChanges = ({ org, groupId, change, names }: MemberChangesProps) => {
  const trpc = useTRPC();
  const preview = useQuery(trpc.whatIf.preview.queryOptions({ subject: groupId, change }));
  const scopeName = useScopeNames(org);
  if (preview.data === undefined)
    return <QueryState query={preview} loading="Working out what the members gain and lose…" />;
  const changes = alikeChanges(preview.data.members);
  const who = (ids: ReadonlyArray<string>) => {
    const named = ids.flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [name];
    });
    const others = ids.length - named.length;
    return [...named, ...(others === 0 ? [] : [`${others} other member${others === 1 ? "" : "s"}`])].join(
      ", ",
    );
  };
  return (
    <Stack gap="xs" data-testid="member-changes" aria-label="What the members gain and lose" role="region">
      <Text size="sm" fw={600}>
        What the members gain and lose
      </Text>
      {preview.data.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          The group has no members yet: nobody gains or loses anything now.
        </Text>
      ) : changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing: every member keeps exactly the same actions (they hold them already).
        </Text>
      ) : (
        changes.map((c) => (
          <Paper key={c.members.join()} withBorder p="xs">
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {who(c.members)}
              </Text>
              {c.scopes.map((s) => (
                <Stack key={JSON.stringify(s.scope)} gap={4}>
                  <Text size="xs" c="dimmed">
                    {scopeName(s.scope)}
                  </Text>
                  <ActionBadges
                    title="Gains"
                    label={`Gains on ${scopeName(s.scope)}`}
                    color="green"
                    actions={s.gained}
                  />
                  <ActionBadges
                    title="Loses"
                    label={`Loses on ${scopeName(s.scope)}`}
                    color="red"
                    actions={s.lost}
                  />
                </Stack>
              ))}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
};
