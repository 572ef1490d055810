// Test support: a real SMTP server (smtp-server) on 127.0.0.1 at an ephemeral port, in the test's process; it keeps
// every message it accepted, parsed (mailparser), and refuses recipients a test names, as a mail server would.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  /** The messages accepted so far, parsed. */
  readonly received: () => Promise<ReadonlyArray<ParsedMail>>;
  /** Recipients refused from now on (550), as a server that knows no such mailbox. */
  readonly refuse: (address: string) => void;
  readonly stop: () => Promise<void>;
}

export const startSmtp = async (): Promise<TestSmtp> => {
  const parsed: Array<Promise<ParsedMail>> = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (refused.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData: (stream, _session, callback) => {
      parsed.push(simpleParser(stream));
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", () => listening()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => Promise.all(parsed),
    refuse: (address) => refused.add(address.toLowerCase()),
    stop: () => new Promise((closed) => server.close(() => closed())),
  };
};
