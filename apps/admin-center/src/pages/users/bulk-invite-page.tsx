// Invite users from pasted CSV (route /invite/bulk): `email,name,role,scope[,language]` lines are previewed, and
// every line is asked of the server (`may` on its own users.invite call) before anything is sent; Send is offered
// only once every line is valid (the admin fixes or removes the others), then each row is its own call.
import { errorMessage, useGatehouse, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState, toast } from "@gatehouse/ui";
import { Button, Code, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { inviteInputOf, useBulkChecks } from "../invite/bulk-checks.ts";
import { type BulkRow, csvExample, parseBulkCsv } from "../invite/bulk-csv.ts";
import { type BulkOutcome, BulkResult } from "../invite/bulk-result.tsx";
import { useAdministering } from "../products/org-queries.ts";

/** `text` without the given (1-based) lines. */
const withoutLines = (text: string, lines: ReadonlySet<number>): string =>
  text
    .split(/\r?\n/)
    .filter((_, i) => !lines.has(i + 1))
    .join("\n");

export const BulkInvitePage = () => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const org = useSignedInOrg();
  const [text, setText] = useState("");
  const [checkedText] = useDebouncedValue(text, 300);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, BulkOutcome>>(new Map());
  const [sending, setSending] = useState(false);
  const roles = useQuery(trpc.roles.list.queryOptions({}));
  const administering = useAdministering();
  const rows = useMemo(
    () => parseBulkCsv(checkedText, roles.data ?? [], administering),
    [checkedText, roles.data, administering],
  );
  const checks = useBulkChecks(org, rows);
  const roleNames = useMemo(() => new Map((roles.data ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const invalid = rows.filter((r) => r.problem !== undefined || checks.get(r.line)?.kind === "refused");
  const ready = rows.filter((r) => checks.get(r.line)?.kind === "ready");
  const checking = text !== checkedText || rows.length - invalid.length - ready.length > 0;
  const sendable = rows.length > 0 && invalid.length === 0 && !checking;

  const record = (line: number, outcome: BulkOutcome) =>
    setOutcomes((all) => new Map(all).set(line, outcome));

  const send = async () => {
    if (org === undefined || !sendable) return;
    setSending(true);
    let invited = 0;
    for (const row of ready) {
      const done = outcomes.get(row.line)?.kind;
      if (done === "invited" || done === "added") continue;
      record(row.line, { kind: "sending" });
      try {
        const answer = await client.users.invite.mutate(inviteInputOf(org, row));
        const existing = answer.added[0];
        const [one] = answer.invited;
        if (existing !== undefined)
          record(row.line, { kind: "added", already: existing.grants.length === 0 });
        else if (one !== undefined)
          record(row.line, { kind: "invited", acceptUrl: one.acceptUrl, delivery: one.delivery });
        invited += 1;
      } catch (error) {
        record(row.line, { kind: "refused", reason: errorMessage(error) });
      }
    }
    setSending(false);
    toast.success(`Invited ${invited} of ${ready.length} users`);
  };

  const columns = useMemo(
    (): ReadonlyArray<Column<BulkRow>> => [
      { id: "line", header: "Line", cell: ({ row }) => row.original.line },
      { id: "email", header: "Email", cell: ({ row }) => row.original.email },
      { id: "name", header: "Name", cell: ({ row }) => row.original.name },
      {
        id: "role",
        header: "Role",
        cell: ({ row }) => (
          <span title={row.original.role}>{roleNames.get(row.original.role) ?? row.original.role}</span>
        ),
      },
      { id: "scope", header: "Scope", cell: ({ row }) => row.original.scopeText },
      {
        id: "result",
        header: "Result",
        cell: ({ row }) => (
          <BulkResult
            row={row.original}
            check={checks.get(row.original.line)}
            outcome={outcomes.get(row.original.line)}
          />
        ),
      },
    ],
    [roleNames, outcomes, checks],
  );

  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Users", to: "/users" },
          { label: "Invite user", to: "/invite" },
          { label: "Invite from CSV" },
        ]}
      />
      <Title order={1} size="h2">
        Invite users from CSV
      </Title>
      {org === undefined ? (
        <EmptyState title="No organization">The platform operator invites no one.</EmptyState>
      ) : (
        <>
          <Text size="sm">
            One user per line: <Code>email,name,role,scope[,language]</Code>. The role is a role id or a role
            name of the scope's product; the scope is <Code>product</Code>, <Code>product/instance</Code> or{" "}
            <Code>product/instance/project</Code>; the language defaults to <Code>en</Code>. A header line is
            optional; quote a field that holds a comma. Every line is checked with the server first: nothing
            is sent until every line passes, so fix the invalid lines or remove them. Each line is then sent
            on its own, and the server may still refuse one (an email that belongs to another organization is
            only told when sent): each line says how it went.
          </Text>
          <Textarea
            label="CSV"
            description="Paste the lines here; the preview below shows what will be sent and what is wrong."
            placeholder={csvExample}
            autosize
            minRows={5}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setOutcomes(new Map());
            }}
            styles={{ input: { fontFamily: "monospace" } }}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {rows.length} line(s): {ready.length} ready, {invalid.length} invalid
              {checking ? ", checking…" : ""}
            </Text>
            <Group gap="xs">
              {invalid.length === 0 ? null : (
                <Button
                  variant="default"
                  onClick={() => {
                    setText(withoutLines(text, new Set(invalid.map((r) => r.line))));
                    setOutcomes(new Map());
                  }}
                >
                  Remove {invalid.length} invalid line(s)
                </Button>
              )}
              <Button onClick={() => void send()} loading={sending} disabled={!sendable}>
                Send {rows.length} invite(s)
              </Button>
            </Group>
          </Group>
          <DataTable
            label="Bulk invite preview"
            columns={columns}
            rows={roles.data === undefined ? undefined : rows}
            rowKey={(r) => String(r.line)}
            error={roles.error}
            onRetry={() => void roles.refetch()}
            empty={{ title: "Nothing pasted yet", hint: "Paste CSV lines above to preview them." }}
          />
        </>
      )}
    </Stack>
  );
};
