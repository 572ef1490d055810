// Accepting an invitation (route /accept?token=…), open without a session: the invitee sets a password (and may
// correct their name), invitations.accept activates the account, and they are signed in with that password.
import { errorMessage, useGatehouse, useSignIn } from "@gatehouse/client";
import { AcceptName, AcceptPassword } from "@gatehouse/contracts";
import { ErrorState, useSchemaForm } from "@gatehouse/ui";
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Schema } from "effect";
import { useNavigate, useSearchParams } from "react-router";

const AcceptForm = Schema.Struct({
  name: Schema.Union([Schema.Literal(""), AcceptName]),
  password: AcceptPassword,
  confirmPassword: Schema.String,
});

export const AcceptPage = () => {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const client = useGatehouse();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const form = useSchemaForm(AcceptForm, { name: "", password: "", confirmPassword: "" });
  const { errors } = form.formState;
  const accept = useMutation({
    mutationFn: async (values: typeof AcceptForm.Type) => {
      const accepted = await client.invitations.accept.mutate({
        token,
        password: values.password,
        ...(values.name === "" ? {} : { name: values.name }),
      });
      await signIn.mutateAsync({ email: accepted.email, password: values.password });
      return accepted;
    },
    onSuccess: () => navigate("/", { replace: true }),
  });

  const submit = form.handleSubmit((values) => {
    if (values.confirmPassword !== values.password)
      return form.setError("confirmPassword", { message: "The passwords differ" });
    accept.mutate(values);
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        {token === "" ? (
          <ErrorState
            error={new Error("This link holds no invitation. Open the link from your invitation.")}
          />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={3}>Accept your invitation</Title>
              <Text size="sm" c="dimmed">
                Choose a password of at least 12 characters to activate your Gatehouse account.
              </Text>
              <TextInput
                label="Your name"
                placeholder="As the inviter wrote it"
                autoComplete="name"
                error={errors.name?.message}
                {...form.register("name")}
              />
              <PasswordInput
                label="Password"
                autoComplete="new-password"
                error={errors.password?.message}
                {...form.register("password")}
              />
              <PasswordInput
                label="Confirm password"
                autoComplete="new-password"
                error={errors.confirmPassword?.message}
                {...form.register("confirmPassword")}
              />
              {accept.error === null ? null : (
                <Alert color="red" role="alert" title="Not accepted">
                  {errorMessage(accept.error)}
                </Alert>
              )}
              <Button type="submit" loading={accept.isPending}>
                Accept and sign in
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
};
