// Duplicate for one role: opens the new-role form filled from it, enabled only when the server would let its Save
// succeed somewhere (may on roles.createCustom duplicating this role, for each instance of its product the form
// offers); otherwise disabled with the server's refusal as "Why?".
import { useMayAny, useSignedInOrg } from "@gatehouse/client";
import { WhyRefused } from "@gatehouse/ui";
import { Button, Group } from "@mantine/core";
import { useNavigate } from "react-router";
import { useInstances } from "./role-queries.ts";

export interface DuplicateButtonProps {
  readonly role: { readonly id: string; readonly name: string; readonly product: string };
  /** "xs" in a table row; the page's own size otherwise. */
  readonly size?: "xs" | "sm";
}

/**
 * Whether the signed-in person may duplicate `role`: roles.createCustom duplicating it, asked for each instance
 * of its product the new-role form offers; `reason` is the server's refusal once every instance refuses.
 * Undecided while `role` is undefined (still loading).
 */
export const useMayDuplicate = (role: DuplicateButtonProps["role"] | undefined) => {
  const org = useSignedInOrg();
  const instances = useInstances(role === undefined ? undefined : org, role?.product);
  const calls =
    role === undefined
      ? undefined
      : instances.data?.map((instance) => ({
          product: role.product,
          instance: instance.id,
          duplicateFrom: role.id,
        }));
  const { allowed, answer } = useMayAny("roles.createCustom", calls);
  const reason =
    answer?.allowed === false
      ? answer.reason
      : allowed === false
        ? "No instance of this product that you may see to make the custom role in"
        : undefined;
  return { allowed, reason };
};

export const DuplicateButton = ({ role, size = "sm" }: DuplicateButtonProps) => {
  const navigate = useNavigate();
  const { allowed, reason } = useMayDuplicate(role);
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size={size}
        variant="default"
        aria-label={`Duplicate ${role.name}`}
        disabled={allowed !== true}
        onClick={() => navigate(`/roles/new?duplicate=${encodeURIComponent(role.id)}`)}
      >
        Duplicate
      </Button>
      {reason === undefined ? null : <WhyRefused reason={reason} />}
    </Group>
  );
};
