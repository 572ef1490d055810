// The Mailer service: how the server delivers email, chosen from its configuration: through the SMTP server at
// SMTP_URL (nodemailer), or, without one, into the dev outbox (the message is kept, not sent; deliver.ts stores it).
import type { MailTransport } from "@gatehouse/store";
import { Context, Data, Effect, Layer } from "effect";
import { createTransport } from "nodemailer";
import type { MailMessage } from "./invitation-message.ts";

/** The SMTP server did not take a message; `reason` says why in words an administrator can act on. */
export class MailFailed extends Data.TaggedError("MailFailed")<{
  readonly reason: string;
  readonly cause: unknown;
}> {}

export interface MailerShape {
  /** Where messages go: the SMTP server, or the dev outbox. */
  readonly transport: MailTransport;
  /** The absolute URL of `path` on the server's public origin (for links in messages). */
  readonly link: (path: string) => string;
  /** Hands `message` to the SMTP server (the outbox takes every message: deliver.ts keeps it). */
  readonly send: (message: MailMessage) => Effect.Effect<void, MailFailed>;
}

export interface MailSettings {
  /** smtp://user:password@host:port or smtps://…; undefined keeps messages in the dev outbox. */
  readonly smtpUrl: string | undefined;
  /** The From header, e.g. `Gatehouse <no-reply@example.com>`. */
  readonly from: string;
  /** The origin people open links on, e.g. https://gatehouse.example.com (read per message: it may be set late). */
  readonly origin: () => string;
}

/** How long nodemailer waits for the server (ms) before giving up: a dead server fails the send, not the request. */
const timeoutMs = 10_000;

/** Nodemailer's error codes in words an administrator can act on; anything else as nodemailer said it. */
const reasonOf = (cause: unknown): string => {
  const code = (cause as { readonly code?: unknown }).code;
  if (code === "ECONNECTION" || code === "ETIMEDOUT" || code === "ESOCKET" || code === "EDNS")
    return "the mail server could not be reached";
  if (code === "EAUTH") return "the mail server refused Gatehouse's credentials";
  if (code === "EENVELOPE") return "the mail server refused the recipient's address";
  return cause instanceof Error ? cause.message : String(cause);
};

const smtp = (url: string, settings: MailSettings): MailerShape => {
  const transporter = createTransport(
    { url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: 2 * timeoutMs },
    { from: settings.from },
  );
  return {
    transport: "smtp",
    link: (path) => new URL(path, settings.origin()).href,
    send: Effect.fn("Mailer.send")(function* (message: MailMessage) {
      yield* Effect.tryPromise({
        try: () =>
          transporter.sendMail({
            to: message.to,
            subject: message.subject,
            text: message.text,
            headers: { "Content-Language": message.language },
          }),
        catch: (cause) => new MailFailed({ reason: reasonOf(cause), cause }),
      });
    }),
  };
};

const outbox = (settings: MailSettings): MailerShape => ({
  transport: "outbox",
  link: (path) => new URL(path, settings.origin()).href,
  send: () => Effect.void,
});

export class Mailer extends Context.Service<Mailer, MailerShape>()("@gatehouse/api/Mailer") {
  /** SMTP when `settings.smtpUrl` is set, else the dev outbox. */
  static readonly layer = (settings: MailSettings) =>
    Layer.succeed(
      Mailer,
      settings.smtpUrl === undefined ? outbox(settings) : smtp(settings.smtpUrl, settings),
    );
}

/**
 * The settings from the environment: SMTP_URL, MAIL_FROM and GATEHOUSE_PUBLIC_URL; without a public URL, links
 * point at `fallbackOrigin()` (the address the server listens on).
 */
export const mailSettingsFromEnv = (fallbackOrigin: () => string): MailSettings => {
  const { SMTP_URL, MAIL_FROM, GATEHOUSE_PUBLIC_URL } = process.env;
  return {
    smtpUrl: SMTP_URL === undefined || SMTP_URL === "" ? undefined : SMTP_URL,
    from: MAIL_FROM ?? "Gatehouse <no-reply@gatehouse.localhost>",
    origin: () => GATEHOUSE_PUBLIC_URL ?? fallbackOrigin(),
  };
};
