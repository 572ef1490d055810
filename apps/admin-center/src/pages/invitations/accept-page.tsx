// Accepting an invitation (route /accept?token=…), open without a session, in the invitation's language (served by
// invitations.opening): the invitee sets a password (and may correct their name), then is signed in with it. An
// accepted invitation whose sign-in failed says so (sign in on the sign-in page); a rate-limited link says to wait.
import { errorCode, errorMessage, useGatehouse, useSignIn, useTRPC } from "@gatehouse/client";
import { AcceptPassword, TrimmedText } from "@gatehouse/contracts";
import { ErrorState, LoadingState, useSchemaForm } from "@gatehouse/ui";
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { Schema } from "effect";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type AcceptTexts, acceptTexts } from "./accept-texts/index.ts";

const AcceptFields = Schema.Struct({
  // Left blank (or only spaces), the name stays as invited.
  name: TrimmedText(200, 0),
  password: AcceptPassword,
  confirmPassword: Schema.String,
});

const noInvitation =
  "This link holds no valid invitation: a newer email may have replaced it. Open the link from your latest invitation email.";

/** Too many tries from this address (or for this account): wait, then try again; not "invalid". */
const rateLimited = (error: unknown): boolean => errorCode(error) === "TOO_MANY_REQUESTS";

/** Accepted, the password set, but signing in with it failed (a locked sign-in): the way on is the sign-in page. */
const AcceptedNotSignedIn = ({ texts, error }: { texts: AcceptTexts; error: unknown }) => (
  <Stack>
    <Title order={1} size="h3">
      {texts.title}
    </Title>
    <Alert color="yellow" role="alert" title={texts.acceptedNotSignedIn.title}>
      {texts.acceptedNotSignedIn.failed} {errorMessage(error)}. {texts.acceptedNotSignedIn.next}
    </Alert>
    <Anchor component={Link} to="/">
      {texts.toSignIn}
    </Anchor>
  </Stack>
);

const InvitationForm = ({ token, texts, name }: { token: string; texts: AcceptTexts; name: string }) => {
  const client = useGatehouse();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const form = useSchemaForm(AcceptFields, { name: "", password: "", confirmPassword: "" });
  const { errors } = form.formState;
  const accept = useMutation({
    mutationFn: async (values: typeof AcceptFields.Type) => {
      const accepted = await client.invitations.accept.mutate({
        token,
        password: values.password,
        ...(values.name === "" ? {} : { name: values.name }),
      });
      // Accepted from here on: a failed sign-in is told apart from a refused invitation.
      const signInError = await signIn.mutateAsync({ email: accepted.email, password: values.password }).then(
        () => undefined,
        (error: unknown) => error ?? new Error("Signing in failed"),
      );
      return { accepted, signInError };
    },
    onSuccess: ({ signInError }) => {
      if (signInError === undefined) navigate("/", { replace: true });
    },
  });
  const signInError = accept.data?.signInError;
  if (signInError !== undefined) return <AcceptedNotSignedIn texts={texts} error={signInError} />;

  const submit = form.handleSubmit((values) => {
    if (values.confirmPassword !== values.password)
      return form.setError("confirmPassword", { message: texts.passwordsDiffer });
    accept.mutate(values);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {texts.title}
        </Title>
        <Text size="sm" c="dimmed">
          {texts.intro}
        </Text>
        <TextInput
          label={texts.nameLabel}
          placeholder={name === "" ? texts.namePlaceholder : name}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register("name")}
        />
        <PasswordInput
          label={texts.passwordLabel}
          autoComplete="new-password"
          error={errors.password === undefined ? undefined : texts.passwordRule}
          {...form.register("password")}
        />
        <PasswordInput
          label={texts.confirmLabel}
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...form.register("confirmPassword")}
        />
        {accept.error === null ? null : (
          <Alert color="red" role="alert" title={texts.notAccepted}>
            {errorMessage(accept.error)}
          </Alert>
        )}
        <Button type="submit" loading={accept.isPending}>
          {texts.submit}
        </Button>
      </Stack>
    </form>
  );
};

export const AcceptPage = () => {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const trpc = useTRPC();
  const opening = useQuery({
    ...trpc.invitations.opening.queryOptions(token === "" ? skipToken : { token }),
    retry: false,
  });
  const invitation = opening.data;
  const texts = acceptTexts[invitation?.language ?? "en"];

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%" lang={invitation?.language ?? "en"}>
        {opening.isError && rateLimited(opening.error) ? (
          <ErrorState error={opening.error} title="Too many tries from your network" />
        ) : token === "" || opening.isError ? (
          <ErrorState error={new Error(noInvitation)} />
        ) : invitation === undefined ? (
          <LoadingState />
        ) : invitation.status === "pending" ? (
          <InvitationForm token={token} texts={texts} name={invitation.name} />
        ) : (
          <Stack>
            <Title order={1} size="h3">
              {texts.title}
            </Title>
            <Alert color="yellow" role="alert">
              {texts.closed[invitation.status]}
            </Alert>
            {invitation.status === "accepted" ? (
              <Anchor component={Link} to="/">
                {texts.toSignIn}
              </Anchor>
            ) : null}
          </Stack>
        )}
      </Paper>
    </Center>
  );
};
