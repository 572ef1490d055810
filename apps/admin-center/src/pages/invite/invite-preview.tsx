// The invite form's what-if: once the email and every access row are filled in, what that person would gain from
// the chosen grants (whatIf.invite); for an account of the organization, only what it lacks, added without a link.
import { useTRPC } from "@gatehouse/client";
import { Email } from "@gatehouse/contracts";
import { QueryState } from "@gatehouse/ui";
import { Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Schema } from "effect";
import { ScopeDiffs } from "../users/what-if-preview.tsx";
import type { GrantScope } from "./access-row-model.ts";

const isEmail = Schema.is(Email);

export interface InvitePreviewProps {
  readonly org: string;
  readonly email: string;
  /** The rows' grants, or undefined while a row lacks its place or role. */
  readonly grants: ReadonlyArray<{ readonly role: string; readonly scope: GrantScope }> | undefined;
}

export const InvitePreview = ({ org, email, grants }: InvitePreviewProps) => {
  const trpc = useTRPC();
  const [typed] = useDebouncedValue(email.trim(), 300);
  const ready = grants !== undefined && grants.length > 0 && isEmail(typed);
  const preview = useQuery(
    trpc.whatIf.invite.queryOptions(ready ? { org, email: typed, grants: [...grants] } : skipToken, {
      retry: false,
    }),
  );
  if (!ready)
    return (
      <Text size="sm" c="dimmed">
        Fill in the email and each access row to see what the invitee would gain.
      </Text>
    );
  if (preview.data === undefined)
    return <QueryState query={preview} loading="Working out what they would gain…" />;
  const added = preview.data.outcome === "added";
  return (
    <Stack gap={4}>
      {added ? (
        <Text size="sm" role="status">
          {typed} already has an account here: sending adds these roles to it, with no invitation link.
        </Text>
      ) : null}
      <ScopeDiffs
        org={org}
        title={`What ${typed} would gain`}
        scopes={preview.data.scopes}
        nothing={
          added
            ? "Nothing new: the account can already do all of this."
            : "Nothing: these roles give no actions."
        }
      />
    </Stack>
  );
};
