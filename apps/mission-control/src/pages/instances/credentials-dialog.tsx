// The generated database credentials, shown once: username and password with copy buttons and a warning that
// the password is not stored in clear and will not be shown again. Closing forgets them.
import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from "@mantine/core";

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The credentials in a `run` answer's `once`, when that is what it holds. */
export const credentialsOf = (once: unknown): Credentials | null => {
  if (typeof once !== "object" || once === null) return null;
  const { username, password } = once as Record<string, unknown>;
  return typeof username === "string" && typeof password === "string" ? { username, password } : null;
};

const Copyable = ({ label, value }: { label: string; value: string }) => (
  <Group align="flex-end" gap="xs" wrap="nowrap">
    <TextInput
      label={label}
      value={value}
      readOnly
      style={{ flex: 1 }}
      // Hinted at 14 px, DejaVu Sans Mono (Linux's monospace) puts `_` below an input's text box, where it is
      // clipped; unhinted glyphs keep it inside (usernames and passwords hold underscores).
      styles={{ input: { fontFamily: "monospace", textRendering: "geometricPrecision" } }}
    />
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="light"
          color={copied ? "teal" : "indigo"}
          onClick={copy}
          aria-label={`Copy ${label}`}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      )}
    </CopyButton>
  </Group>
);

export const CredentialsDialog = ({
  credentials,
  onClose,
}: {
  credentials: Credentials;
  onClose: () => void;
}) => (
  <Modal opened onClose={onClose} title="Database credentials" size="lg" closeOnClickOutside={false}>
    <Stack>
      <Alert color="orange" title="Shown only this once">
        Copy the password now: Gatehouse keeps only its hash and will not show it again. If you lose it,
        generate new credentials.
      </Alert>
      <Copyable label="Username" value={credentials.username} />
      <Copyable label="Password" value={credentials.password} />
      <Group justify="flex-end">
        <Button onClick={onClose}>I have copied them</Button>
      </Group>
    </Stack>
  </Modal>
);
