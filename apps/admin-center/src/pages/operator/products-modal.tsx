// An organization's enabled products (organizations.setProducts at the version read): the operator ticks the
// products and saves; Save asks the server about that very call, and a change made meanwhile is shown as such.
import { errorMessage, useRefresh, useTRPC } from "@gatehouse/client";
import { GuardedCall, toast } from "@gatehouse/ui";
import { Alert, Button, Checkbox, Group, Modal, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type Organization, useProductOptions } from "./organization-queries.ts";

export const ProductsModal = ({ org, onClose }: { org: Organization; onClose: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const options = useProductOptions();
  const [products, setProducts] = useState<ReadonlyArray<string>>(org.products);
  const input = { id: org.id, version: org.version, products };
  const save = useMutation(
    trpc.organizations.setProducts.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Saved the products of ${saved.name}`);
        void refresh.routers("organizations");
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Products of ${org.name}`}>
      <Stack>
        <Checkbox.Group label="Enabled products" value={[...products]} onChange={setProducts}>
          <Stack gap={6} mt={6}>
            {(options.data ?? []).map((p) => (
              <Checkbox key={p.value} value={p.value} label={p.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        {save.error === null ? null : (
          <Alert color="red" title="Not saved">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <GuardedCall procedure="organizations.setProducts" input={input}>
            {(disabled) => (
              <Button disabled={disabled} loading={save.isPending} onClick={() => save.mutate(input)}>
                Save products
              </Button>
            )}
          </GuardedCall>
        </Group>
      </Stack>
    </Modal>
  );
};
