// The "Why?" panel: the engine's explanation of one decision, as people read it: the verdict and its reason,
// the deciding grants (allow) or the nearest one and the failed condition (deny), then every grant considered.
// Roles, places, groups and the action appear by the names the server gives; their ids on hover.
import type { ExplainedGrant, Explanation } from "@gatehouse/client";
import { Badge, Group, List, Stack, Text } from "@mantine/core";

/** One grant: its role and place by name (ids in the title), the group it comes through, its expiry. */
const GrantText = ({ grant }: { grant: ExplainedGrant }) => (
  <span title={`${grant.role} at ${Object.values(grant.scope).join("/")} (grant ${grant.id})`}>
    {grant.roleName} on {grant.where}
    {grant.viaName === undefined ? "" : ` (through group ${grant.viaName})`}
    {grant.expiresAt === undefined ? "" : `, until ${new Date(grant.expiresAt).toLocaleString()}`}
  </span>
);

const Grants = ({ grants }: { grants: ReadonlyArray<ExplainedGrant> }) =>
  grants.map((grant, i) => (
    <span key={grant.id}>
      {i === 0 ? "" : "; "}
      <GrantText grant={grant} />
    </span>
  ));

export const WhyPanel = ({ explanation }: { explanation: Explanation }) => {
  const allowed = explanation.decision === "allow";
  return (
    <Stack gap="xs" data-testid="why-panel">
      <Group gap="xs">
        <Badge color={allowed ? "green" : "red"}>{allowed ? "Allowed" : "Not allowed"}</Badge>
        <Text size="sm" fw={500} title={explanation.action}>
          {explanation.actionName}
        </Text>
      </Group>
      <Text size="sm">{explanation.reason}</Text>
      {explanation.deciding.length > 0 ? (
        <Text size="sm">
          Decided by: <Grants grants={explanation.deciding} />
        </Text>
      ) : null}
      {explanation.nearest === undefined ? null : (
        <Text size="sm">
          Nearest grant: <GrantText grant={explanation.nearest} />
        </Text>
      )}
      {explanation.failedCondition === undefined ? null : (
        <Text size="sm">Failed condition: {explanation.failedCondition}</Text>
      )}
      {explanation.missingAttribute === undefined ? null : (
        <Text size="sm">Missing attribute: {explanation.missingAttribute}</Text>
      )}
      {explanation.considered.length === 0 ? (
        <Text size="sm" c="dimmed">
          No grants were considered: the account holds none that could apply.
        </Text>
      ) : (
        <List size="sm" className="gh-why-considered">
          {explanation.considered.map((c) => (
            <List.Item key={c.grant.id}>
              [{c.status}] <GrantText grant={c.grant} />: {c.note}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
};
