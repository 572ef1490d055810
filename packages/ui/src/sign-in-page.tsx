// The sign-in page every app shows to a visitor without a session: email and password, validated in the
// browser by the API's own login schema; a refusal shows the API's message (rate limits included). After a session
// ended under an open page (removed, deactivated, signed out elsewhere, expired) it says so first.
import { errorMessage, useSessionEnded, useSignIn } from "@gatehouse/client";
import { LoginInput } from "@gatehouse/contracts";
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useSchemaForm } from "./schema-form.ts";

export const SignInPage = ({ product }: { product: string }) => {
  const signIn = useSignIn();
  const ended = useSessionEnded();
  const form = useSchemaForm(LoginInput, { email: "", password: "" });
  const { errors } = form.formState;
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={form.handleSubmit((values) => signIn.mutate(values))} noValidate>
          <Stack>
            <Title order={1} size="h3">
              Sign in to {product}
            </Title>
            {ended ? (
              <Alert color="blue" title="Your session ended">
                You were signed out: sign in again to go on.
              </Alert>
            ) : null}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              error={errors.email?.message}
              {...form.register("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register("password")}
            />
            {signIn.error === null ? null : (
              <Alert color="red" role="alert">
                {errorMessage(signIn.error)}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
};
