import type { SimulatorReport } from "../start-safety";
/** What a message channel (SMS gateway, mail server) says about one message it was handed. */
export interface ChannelResult {
  /**
   * `delivered`: it reached the addressee's system; `sent`: accepted for delivery, arrival unknown;
   * `refused`: the addressee's system or the gateway refused it (do not retry this address);
   * `failed`: it could not be handed over (outage, bad address).
   */
  status: "sent" | "delivered" | "failed" | "refused";
  /** The provider's own reference for the message, when it gives one. */
  reference: string | null;
  /** Why it failed or was refused, in the provider's words (never contains the message). */
  error: string | null;
}

/** One notification of service: a short text whose only personal content is the link to sign in and read. */
export interface ChannelMessage {
  /** The phone number or e-mail address. */
  to: string;
  subject: string;
  text: string;
  /** Our reference (the service attempt id), passed to the provider for its reports. */
  reference: string;
  /**
   * The same key each time the same message is sent again (after a crash left its outcome unknown): the
   * provider delivers a key once and answers a repeat with the first outcome. Absent: every send is new.
   */
  idempotencyKey?: string;
}

/** Remembers what was answered per idempotency key, so a repeated message is not delivered twice. */
export class IdempotencyMemory {
  readonly #answers = new Map<string, ChannelResult>();

  /** The earlier answer to the key when the message went out (sent or delivered), else undefined. */
  earlier(key: string | undefined): ChannelResult | undefined {
    return key === undefined ? undefined : this.#answers.get(key);
  }

  remember(key: string | undefined, result: ChannelResult): ChannelResult {
    if (key !== undefined && (result.status === "sent" || result.status === "delivered"))
      this.#answers.set(key, result);
    return result;
  }
}

/**
 * The SMS port (DESIGN.md: adapters): a gateway that sends a short message to a mobile number.
 * `HttpSmsSender` posts to the court's gateway; `SimulatedSmsSender` keeps messages in memory.
 */
export interface SmsSender extends SimulatorReport {
  /** A short label stored with each attempt (`simulator`, `http:<host>`). */
  readonly provider: string;
  send(message: ChannelMessage): Promise<ChannelResult>;
}

/** A message the simulator "sent". */
export interface SimulatedSms {
  to: string;
  text: string;
  reference: string;
}

/**
 * Stands in for an SMS gateway outside production: it keeps every message (tests and the demo read the
 * link from `sent`) and reports it delivered, except to numbers listed in `refusing` (to exercise the
 * fall-back to the next channel). Like a gateway honouring idempotency keys, it delivers a message sent
 * again under the same key only once and answers the repeat as it answered the first.
 */
export class SimulatedSmsSender implements SmsSender {
  readonly provider = "simulator";
  readonly simulates = "sms" as const;
  readonly sent: SimulatedSms[] = [];
  readonly refusing = new Set<string>();
  readonly #keys = new IdempotencyMemory();

  send(message: ChannelMessage): Promise<ChannelResult> {
    const earlier = this.#keys.earlier(message.idempotencyKey);
    if (earlier) return Promise.resolve(earlier);
    if (this.refusing.has(message.to)) {
      return Promise.resolve({ status: "refused", reference: null, error: "number refuses messages" });
    }
    this.sent.push({ to: message.to, text: message.text, reference: message.reference });
    return Promise.resolve(
      this.#keys.remember(message.idempotencyKey, {
        status: "delivered",
        reference: `SIM-${this.sent.length}`,
        error: null,
      }),
    );
  }
}

export interface HttpSmsSettings {
  url: string;
  /** Sent as `Authorization: Bearer <key>`. */
  key: string;
  timeoutMs: number;
}

/**
 * An SMS gateway over HTTP (docs/deploy.md, "SMS and e-mail"): one JSON POST
 * `{ to, text, reference }` with a bearer key (and, for a message that may be sent again, its
 * `idempotencyKey` in the body and the `Idempotency-Key` header); the gateway answers synchronously
 * `{ status: "delivered" | "accepted" | "rejected", id?, error? }`. A non-2xx answer or a timeout is a
 * failure (the next channel is tried); `rejected` is a refusal.
 */
export class HttpSmsSender implements SmsSender {
  readonly provider: string;

  constructor(
    private readonly settings: HttpSmsSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.provider = `http:${new URL(settings.url).host}`;
  }

  async send(message: ChannelMessage): Promise<ChannelResult> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.settings.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${this.settings.key}`,
          ...(message.idempotencyKey ? { "idempotency-key": message.idempotencyKey } : {}),
        },
        body: JSON.stringify({
          to: message.to,
          text: message.text,
          reference: message.reference,
          ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}),
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return { status: "failed", reference: null, error: `gateway unreachable: ${errorName(error)}` };
    }
    if (!response.ok)
      return { status: "failed", reference: null, error: `gateway answered ${response.status}` };
    const body = (await response.json().catch(() => null)) as {
      status?: unknown;
      id?: unknown;
      error?: unknown;
    } | null;
    const reference = typeof body?.id === "string" ? body.id.slice(0, 200) : null;
    const error = typeof body?.error === "string" ? body.error.slice(0, 500) : null;
    switch (body?.status) {
      case "delivered":
        return { status: "delivered", reference, error: null };
      case "accepted":
        return { status: "sent", reference, error: null };
      case "rejected":
        return { status: "refused", reference, error: error ?? "rejected by the gateway" };
      default:
        return { status: "failed", reference, error: "unreadable gateway answer" };
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "error";
}
