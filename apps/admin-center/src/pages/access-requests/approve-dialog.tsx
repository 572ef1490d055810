// Approving a partner access request: the admin picks the Mission Control role to give (the requested one
// preselected) for a direct request; a support ticket gets the requested role from the platform operator.

import { PartnerRole } from "@gatehouse/contracts";
import { partnerRoleName, requestPathLabel, useSchemaForm } from "@gatehouse/ui";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { Schema } from "effect";
import { Controller } from "react-hook-form";
import type { AccessRequest } from "./request-view.ts";
import { requesterName } from "./requester.tsx";
import type { Decision } from "./use-decide.ts";

const ApproveForm = Schema.Struct({ role: PartnerRole });
const roleOptions = PartnerRole.literals.map((role) => ({ value: role, label: partnerRoleName(role) }));
const isPartnerRole = Schema.is(PartnerRole);

export interface ApproveDialogProps {
  readonly request: AccessRequest;
  readonly instanceName: string;
  readonly pending: boolean;
  readonly onDecide: (decision: Decision) => void;
  readonly onClose: () => void;
}

export const ApproveDialog = ({ request, instanceName, pending, onDecide, onClose }: ApproveDialogProps) => {
  const form = useSchemaForm(ApproveForm, {
    role: isPartnerRole(request.role) ? request.role : "mission-control:partnerUser",
  });
  const requester = requesterName(request);
  const direct = request.path === "direct";
  const submit = form.handleSubmit(({ role }) => onDecide({ request, requester, approve: true, role }));
  return (
    <Modal opened onClose={onClose} title="Approve partner access">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {requester} of {request.partnerName} asked for {request.roleName} on {instanceName} (
            {requestPathLabel(request.path)}).
          </Text>
          <Controller
            control={form.control}
            name="role"
            render={({ field, fieldState }) => (
              <Select
                label="Mission Control role"
                data={roleOptions}
                value={field.value}
                onChange={(value) => field.onChange(value ?? "")}
                allowDeselect={false}
                disabled={!direct}
                error={fieldState.error?.message}
              />
            )}
          />
          {direct ? null : (
            <Text size="sm" c="dimmed">
              A support ticket is opened: the platform operator assigns the requested role once you approve.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close without approving
            </Button>
            <Button type="submit" loading={pending}>
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
