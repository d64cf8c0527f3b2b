import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { PaymentGateway, PaymentNotification } from "../../../platform/ports/index";

const SIGNATURE_HEADER = "x-netcourt-sim-signature";

interface Ticket {
  reference: string;
  orderId: string;
  amountFen: number;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
}

/**
 * A local stand-in for a payment gateway. It issues a signed ticket as the payment reference, serves a
 * cashier page under /sim/pay?ticket=… (see filing.routes.ts), and on "pay" calls the notify URL over
 * real HTTP with an HMAC-signed body, as a gateway would. Nothing is stored: the ticket carries the order.
 */
export class SimulatedPaymentGateway implements PaymentGateway {
  readonly name = "simulator";
  readonly simulates = "payment";
  readonly #secret: Buffer;

  constructor(
    secret: string | Buffer,
    readonly baseUrl: () => string,
    readonly deliver: (
      url: string,
      body: string,
      headers: Record<string, string>,
    ) => Promise<number> = postJson,
  ) {
    this.#secret = Buffer.isBuffer(secret) ? secret : Buffer.from(secret);
  }

  async createPayment(request: {
    orderId: string;
    amountFen: number;
    subject: string;
    notifyUrl: string;
    returnUrl: string;
  }) {
    const reference = `SIM${randomBytes(8).toString("hex").toUpperCase()}`;
    const ticket = this.#sign({ reference, ...request });
    return { reference, payUrl: `${this.baseUrl()}/sim/pay?ticket=${ticket}` };
  }

  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): PaymentNotification | null {
    const given = headers[SIGNATURE_HEADER];
    if (typeof given !== "string") return null;
    const expected = this.#mac(rawBody);
    const givenBuffer = Buffer.from(given, "hex");
    if (givenBuffer.length !== expected.length || !timingSafeEqual(givenBuffer, expected)) return null;
    try {
      const body = JSON.parse(rawBody) as Partial<PaymentNotification>;
      if (
        typeof body.reference !== "string" ||
        typeof body.orderId !== "string" ||
        typeof body.amountFen !== "number" ||
        (body.status !== "paid" && body.status !== "failed")
      ) {
        return null;
      }
      return {
        reference: body.reference,
        orderId: body.orderId,
        amountFen: body.amountFen,
        status: body.status,
      };
    } catch {
      return null;
    }
  }

  /** Reads a cashier ticket; null when forged or malformed. */
  openTicket(ticket: string): Ticket | null {
    const [payload, mac] = ticket.split(".");
    if (!payload || !mac) return null;
    const expected = this.#mac(payload);
    const givenBuffer = Buffer.from(mac, "base64url");
    if (givenBuffer.length !== expected.length || !timingSafeEqual(givenBuffer, expected)) return null;
    try {
      return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Ticket;
    } catch {
      return null;
    }
  }

  /** The payer pressed "pay" (or "cancel") on the cashier page: notify the court as a gateway would. */
  async complete(ticket: Ticket, status: "paid" | "failed"): Promise<number> {
    const body = JSON.stringify({
      reference: ticket.reference,
      orderId: ticket.orderId,
      amountFen: ticket.amountFen,
      status,
    });
    return this.deliver(ticket.notifyUrl, body, {
      "content-type": "application/json",
      [SIGNATURE_HEADER]: this.#mac(body).toString("hex"),
    });
  }

  /** Signs a notification body the way the simulator does (tests play the gateway with it). */
  signatureHeaders(body: string): Record<string, string> {
    return { "content-type": "application/json", [SIGNATURE_HEADER]: this.#mac(body).toString("hex") };
  }

  #sign(ticket: Ticket): string {
    const payload = Buffer.from(JSON.stringify(ticket)).toString("base64url");
    return `${payload}.${this.#mac(payload).toString("base64url")}`;
  }

  #mac(data: string): Buffer {
    return createHmac("sha256", this.#secret).update(data).digest();
  }
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, { method: "POST", body, headers, signal: AbortSignal.timeout(10_000) });
  return response.status;
}
