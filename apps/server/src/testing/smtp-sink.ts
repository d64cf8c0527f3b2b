import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  port: number;
  /** Every message received, with its envelope recipients and raw RFC 5322 text. */
  messages: Array<{ to: string[]; data: string }>;
  close(): Promise<void>;
}

/**
 * A local SMTP server for tests (smtp-server, no authentication, loopback only): it keeps each message
 * and refuses recipients at `refused.example` with a permanent 550, as a real server would.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SmtpSink["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refused.example")) {
        const refused = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
        callback(refused);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise<void>((done) => server.close(() => done())) };
}
