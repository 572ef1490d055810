// The "Why?" panel: the engine's explanation of one decision, as people read it: the verdict and its reason,
// the deciding grants (allow) or the nearest one and the failed condition (deny), then every grant considered.
import type { ExplainedGrant, Explanation } from "@gatehouse/client";
import { Badge, Group, List, Stack, Text } from "@mantine/core";

const scopeText = (scope: ExplainedGrant["scope"]): string =>
  (["org", "product", "instance", "project", "environment", "flag"] as const)
    .map((key) => scope[key])
    .filter((part): part is string => part !== undefined)
    .join(" › ");

const grantText = (grant: ExplainedGrant): string =>
  `${grant.role} on ${scopeText(grant.scope)}${grant.via === undefined ? "" : ` (through group ${grant.via})`}` +
  (grant.expiresAt === undefined ? "" : `, until ${new Date(grant.expiresAt).toLocaleString()}`);

export const WhyPanel = ({ explanation }: { explanation: Explanation }) => {
  const allowed = explanation.decision === "allow";
  return (
    <Stack gap="xs" data-testid="why-panel">
      <Group gap="xs">
        <Badge color={allowed ? "green" : "red"}>{allowed ? "Allowed" : "Not allowed"}</Badge>
        <Text size="sm" fw={500}>
          {explanation.action}
        </Text>
      </Group>
      <Text size="sm">{explanation.reason}</Text>
      {explanation.deciding.length > 0 ? (
        <Text size="sm">Decided by: {explanation.deciding.map(grantText).join("; ")}</Text>
      ) : null}
      {explanation.nearest === undefined ? null : (
        <Text size="sm">Nearest grant: {grantText(explanation.nearest)}</Text>
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
              [{c.status}] {grantText(c.grant)}: {c.note}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
};
