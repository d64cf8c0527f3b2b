import { createTransport, type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { SimulatorReport } from "../start-safety";
import { IdempotencyMemory, type ChannelMessage, type ChannelResult } from "./sms";

/**
 * The e-mail port (DESIGN.md: adapters): `SmtpEmailSender` hands messages to the court's mail server
 * (nodemailer, `SMTP_URL`); `SimulatedEmailSender` keeps them in memory.
 */
export interface EmailSender extends SimulatorReport {
  /** A short label stored with each attempt (`simulator`, `smtp:<host>`). */
  readonly provider: string;
  send(message: ChannelMessage): Promise<ChannelResult>;
}

/**
 * Stands in for a mail server outside production: keeps the messages and reports them delivered; a
 * message sent again under the same idempotency key is delivered once.
 */
export class SimulatedEmailSender implements EmailSender {
  readonly provider = "simulator";
  readonly simulates = "email" as const;
  readonly sent: Array<{ to: string; subject: string; text: string; reference: string }> = [];
  readonly refusing = new Set<string>();
  readonly #keys = new IdempotencyMemory();

  send(message: ChannelMessage): Promise<ChannelResult> {
    const earlier = this.#keys.earlier(message.idempotencyKey);
    if (earlier) return Promise.resolve(earlier);
    if (this.refusing.has(message.to)) {
      return Promise.resolve({ status: "refused", reference: null, error: "mailbox refuses messages" });
    }
    this.sent.push({
      to: message.to,
      subject: message.subject,
      text: message.text,
      reference: message.reference,
    });
    return Promise.resolve(
      this.#keys.remember(message.idempotencyKey, {
        status: "delivered",
        reference: `SIM-MAIL-${this.sent.length}`,
        error: null,
      }),
    );
  }
}

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  url: string;
  /** The sender, e.g. `"北京互联网法院" <noreply@court.example>`. */
  from: string;
  timeoutMs: number;
}

/**
 * Sends through an SMTP server. The server accepting the message means it was handed over (`sent`);
 * arrival in the addressee's mailbox is not known. A permanent refusal of the recipient (5xx) is
 * `refused`, anything else `failed`.
 */
export class SmtpEmailSender implements EmailSender {
  readonly provider: string;
  readonly #transport: Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;
  readonly #from: string;

  constructor(settings: SmtpSettings) {
    const url = new URL(settings.url);
    this.provider = `smtp:${url.host}`;
    this.#from = settings.from;
    const options: SMTPTransport.Options = {
      url: settings.url,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    };
    this.#transport = createTransport(options);
  }

  async send(message: ChannelMessage): Promise<ChannelResult> {
    try {
      const info = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        headers: { "X-Netcourt-Reference": message.reference },
        // A message sent again after a crash keeps its Message-ID, by which mail systems drop duplicates.
        ...(message.idempotencyKey ? { messageId: `<${message.idempotencyKey}@netcourt>` } : {}),
      });
      if ((info.rejected?.length ?? 0) > 0 && (info.accepted?.length ?? 0) === 0) {
        return { status: "refused", reference: info.messageId ?? null, error: "recipient rejected" };
      }
      return { status: "sent", reference: info.messageId ?? null, error: null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const status = typeof code === "number" && code >= 500 && code < 600 ? "refused" : "failed";
      return {
        status,
        reference: null,
        error: `${status === "refused" ? "refused" : "not sent"}${code ? ` (${code})` : ""}`,
      };
    }
  }

  close(): void {
    this.#transport.close();
  }
}
