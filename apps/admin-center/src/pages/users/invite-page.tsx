// Invite a user (route /invite, optionally ?product=…&instance=…&project=… from an instance or project page):
// name, email, language and one or more access rows; "Invite another" keeps the access rows for the next invite.
import { errorMessage, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { InviteeForm, languageChoices, languageOf } from "@gatehouse/contracts";
import { EmptyState, QueryState, toast, useSchemaForm } from "@gatehouse/ui";
import { Alert, Anchor, Button, Checkbox, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { AcceptLinks, type SentLink } from "../invite/accept-links.tsx";
import { AccessRowEditor } from "../invite/access-row-editor.tsx";
import { type AccessRow, grantsOf, newAccessRow } from "../invite/access-row-model.ts";
import { type AddedRoles, AddedRolesNotice } from "../invite/added-roles.tsx";
import { type InvitableProduct, useInvitableScopes } from "../invite/invitable-scopes.ts";
import { InviteCrumbs, type InviteOrigin } from "../invite/invite-crumbs.tsx";
import { InvitePreview } from "../invite/invite-preview.tsx";

/** The scope the page was opened from, when the query string names one the admin may invite to. */
const originOf = (params: URLSearchParams): InviteOrigin => {
  const read = (key: string) => params.get(key) ?? undefined;
  const product = read("product");
  const instance = read("instance");
  const project = read("project");
  return {
    ...(product === undefined ? {} : { product }),
    ...(instance === undefined ? {} : { instance }),
    ...(project === undefined ? {} : { project }),
  };
};

const firstRow = (origin: InviteOrigin, products: ReadonlyArray<InvitableProduct>): AccessRow => {
  const product = products.find((p) => p.id === origin.product);
  if (product === undefined) return newAccessRow();
  const instance = product.instances.find((i) => i.id === origin.instance);
  const project = instance?.projects.find((p) => p.id === origin.project);
  // Opened from an instance or project: that place; from a product, the admin still chooses the instance.
  return newAccessRow({
    product: product.id,
    instance: instance?.id ?? "",
    projects: project === undefined ? [] : [project.id],
  });
};

const InviteForm = ({
  org,
  origin,
  products,
}: {
  org: string;
  origin: InviteOrigin;
  products: ReadonlyArray<InvitableProduct>;
}) => {
  const trpc = useTRPC();
  const form = useSchemaForm(InviteeForm, { name: "", email: "", language: "en" });
  const { errors } = form.formState;
  const [rows, setRows] = useState<ReadonlyArray<AccessRow>>(() => [firstRow(origin, products)]);
  const [another, setAnother] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState<ReadonlyArray<SentLink>>([]);
  const [added, setAdded] = useState<ReadonlyArray<AddedRoles>>([]);
  const productLabel = (id: string) => products.find((p) => p.id === id)?.label ?? id;
  const chosen = grantsOf(rows, org, productLabel);
  const invite = useMutation(trpc.users.invite.mutationOptions());

  const submit = form.handleSubmit(async (values) => {
    if ("problem" in chosen) return setProblem(chosen.problem);
    setProblem(undefined);
    try {
      const answer = await invite.mutateAsync({
        org,
        emails: [values.email],
        ...(values.name.trim() === "" ? {} : { name: values.name.trim() }),
        language: values.language,
        grants: chosen.grants,
      });
      const links = answer.invited.map((i) => ({
        email: i.email,
        acceptUrl: i.acceptUrl,
        delivery: i.delivery,
      }));
      setSent((earlier) => [...links, ...earlier]);
      setAdded((earlier) => [...answer.added, ...earlier]);
      toast.success(links.length > 0 ? `Invited ${values.email}` : `Added roles to ${values.email}`);
      form.reset({ name: "", email: "", language: values.language });
      if (!another) setRows([firstRow(origin, products)]);
    } catch (error) {
      toast.failure(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={820}>
        {sent.length === 0 ? null : (
          <AcceptLinks title={sent.length === 1 ? "Invitation sent" : "Invitations sent"} links={sent} />
        )}
        {added.length === 0 ? null : <AddedRolesNotice org={org} added={added} />}
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            placeholder="Optional"
            error={errors.name?.message}
            {...form.register("name")}
          />
          <TextInput
            label="Email"
            type="email"
            withAsterisk
            error={errors.email?.message}
            {...form.register("email")}
          />
          <Select
            label="Language"
            data={languageChoices}
            value={form.watch("language")}
            onChange={(value) => form.setValue("language", languageOf(value ?? "en"))}
            allowDeselect={false}
            error={errors.language?.message}
          />
        </Group>
        {rows.map((row, index) => (
          <AccessRowEditor
            key={row.key}
            org={org}
            row={row}
            index={index}
            products={products}
            onChange={(next) => setRows((all) => all.map((r) => (r.key === row.key ? next : r)))}
            {...(rows.length > 1
              ? { onRemove: () => setRows((all) => all.filter((r) => r.key !== row.key)) }
              : {})}
          />
        ))}
        <Group>
          <Button variant="default" onClick={() => setRows((all) => [...all, newAccessRow()])}>
            Add access to another product, instance or project
          </Button>
        </Group>
        {problem === undefined && invite.error === null ? null : (
          <Alert color="red" role="alert" title="Not invited">
            {problem ?? errorMessage(invite.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Checkbox
            label="Invite another"
            description="Keep these role selections for the next invite"
            checked={another}
            onChange={(event) => setAnother(event.currentTarget.checked)}
          />
          <Button type="submit" loading={invite.isPending}>
            Send invite
          </Button>
        </Group>
        {/* Below the buttons: it changes size on its own (a debounce, then the server's answer) just as the admin
            reaches for Send invite, and must not move the button from under a press. */}
        <InvitePreview
          org={org}
          email={form.watch("email")}
          grants={"grants" in chosen ? chosen.grants : undefined}
        />
      </Stack>
    </form>
  );
};

export const InvitePage = () => {
  const [params] = useSearchParams();
  const origin = originOf(params);
  const org = useSignedInOrg();
  const scopes = useInvitableScopes(org);
  return (
    <Stack>
      <InviteCrumbs origin={origin} products={scopes.data} current="Invite user" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          Invite user
        </Title>
        <Anchor component={Link} to="/invite/bulk">
          Invite several users from CSV
        </Anchor>
      </Group>
      {org === undefined ? (
        <EmptyState title="No organization">The platform operator invites no one.</EmptyState>
      ) : (
        <QueryState
          query={scopes}
          loading="Finding where you may invite users…"
          empty={{
            title: "Nowhere to invite",
            hint: "You may not invite users to any product, instance or project.",
          }}
        >
          {(products) => <InviteForm org={org} origin={origin} products={products} />}
        </QueryState>
      )}
    </Stack>
  );
};
