import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import type { PaymentGatewaySettings } from "../../../platform/config";
import type { PaymentGateway, PaymentNotification, PaymentStatus } from "../../../platform/ports/index";

/** Names the version of the signing scheme in every signed string (docs/payment-gateway.md). */
export const PAYMENT_SIGNATURE_SCHEME = "netcourt-pay-v1";
export const PAYMENT_HEADERS = {
  timestamp: "x-pay-timestamp",
  nonce: "x-pay-nonce",
  signature: "x-pay-signature",
} as const;
/** How far a signed timestamp may be from our clock, either way. */
export const PAYMENT_SIGNATURE_WINDOW_SECONDS = 300;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

/** The string both sides sign: scheme, method, path with query, timestamp, nonce, SHA-256 of the body. */
export function canonicalPaymentString(parts: {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  const bodyHash = createHash("sha256").update(parts.body, "utf8").digest("hex");
  return `${PAYMENT_SIGNATURE_SCHEME}\n${parts.method}\n${parts.path}\n${parts.timestamp}\n${parts.nonce}\n${bodyHash}\n`;
}

const ZNotification = z.object({
  merchantId: z.string(),
  orderId: z.uuid(),
  reference: z.string().min(1).max(64),
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.literal("CNY"),
  status: z.enum(["paid", "failed"]),
});

const ZCreateResponse = z.object({
  reference: z.string().min(1).max(64),
  payUrl: z.url({ protocol: /^https?$/ }),
});

const ZStatusResponse = z.object({
  reference: z.string(),
  orderId: z.string(),
  amountFen: z.number().int(),
  status: z.enum(["pending", "paid", "failed", "closed"]),
});

export interface HttpPaymentGatewayOptions extends Omit<PaymentGatewaySettings, "keyFile" | "publicKeyFile"> {
  /** The court's Ed25519 key: signs every request to the gateway. */
  privateKey: KeyObject;
  /** The gateway's Ed25519 key: every notification and query answer must verify against it. */
  gatewayPublicKey: KeyObject;
  now: () => Date;
}

/**
 * A court-fee payment gateway over HTTP (docs/payment-gateway.md). Both directions are signed with
 * Ed25519 rather than a shared HMAC secret: the court holds only the gateway's public key, so no one at
 * the court can forge a "paid" notification, and each stored notification proves to a third party what
 * the gateway said.
 */
export class HttpPaymentGateway implements PaymentGateway {
  readonly name: string;
  readonly #options: HttpPaymentGatewayOptions;

  constructor(options: HttpPaymentGatewayOptions) {
    assertEd25519(options.privateKey, "private");
    assertEd25519(options.gatewayPublicKey, "public");
    this.name = options.name;
    this.#options = options;
  }

  async createPayment(request: {
    orderId: string;
    amountFen: number;
    subject: string;
    notifyUrl: string;
    returnUrl: string;
  }): Promise<{ reference: string; payUrl: string }> {
    const body = JSON.stringify({
      merchantId: this.#options.merchantId,
      orderId: request.orderId,
      amountFen: request.amountFen,
      currency: "CNY",
      subject: request.subject,
      notifyUrl: request.notifyUrl,
      returnUrl: request.returnUrl,
    });
    const { response } = await this.#call("POST", "orders", body);
    return ZCreateResponse.parse(JSON.parse(response));
  }

  /** Asks the gateway what became of a payment (reconciliation); the answer must carry its signature. */
  async queryPayment(reference: string): Promise<z.infer<typeof ZStatusResponse>> {
    const { response } = await this.#call("GET", `orders/${encodeURIComponent(reference)}`, "");
    return ZStatusResponse.parse(JSON.parse(response));
  }

  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): PaymentNotification | null {
    const timestamp = single(headers[PAYMENT_HEADERS.timestamp]);
    const nonce = single(headers[PAYMENT_HEADERS.nonce]);
    const signature = single(headers[PAYMENT_HEADERS.signature]);
    if (!timestamp || !nonce || !signature || !NONCE.test(nonce)) return null;
    const signedAt = this.#freshTimestamp(timestamp);
    if (!signedAt) return null;
    const signed = canonicalPaymentString({
      method: "POST",
      path: `/api/payments/${this.name}/notify`,
      timestamp,
      nonce,
      body: rawBody,
    });
    if (!this.#verify(signed, signature)) return null;
    let body: z.infer<typeof ZNotification>;
    try {
      body = ZNotification.parse(JSON.parse(rawBody));
    } catch {
      return null;
    }
    if (body.merchantId !== this.#options.merchantId) return null;
    return {
      reference: body.reference,
      orderId: body.orderId,
      amountFen: body.amountFen,
      status: body.status satisfies PaymentStatus,
      receipt: { nonce, signature, signedAt, body: rawBody },
    };
  }

  async #call(method: "GET" | "POST", relative: string, body: string): Promise<{ response: string }> {
    const url = new URL(
      relative,
      this.#options.url.endsWith("/") ? this.#options.url : `${this.#options.url}/`,
    );
    const path = `${url.pathname}${url.search}`;
    const timestamp = String(Math.floor(this.#options.now().getTime() / 1000));
    const nonce = randomBytes(16).toString("base64url");
    const signature = sign(
      null,
      Buffer.from(canonicalPaymentString({ method, path, timestamp, nonce, body })),
      this.#options.privateKey,
    ).toString("base64");
    const response = await fetch(url, {
      method,
      headers: {
        ...(method === "POST" ? { "content-type": "application/json" } : {}),
        [PAYMENT_HEADERS.timestamp]: timestamp,
        [PAYMENT_HEADERS.nonce]: nonce,
        [PAYMENT_HEADERS.signature]: signature,
      },
      ...(method === "POST" ? { body } : {}),
      redirect: "error",
      signal: AbortSignal.timeout(this.#options.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`payment gateway answered ${response.status} to ${method} ${path}`);
    // The answer is bound to our request by its nonce, so an old answer cannot be played back.
    const answeredAt = response.headers.get(PAYMENT_HEADERS.timestamp) ?? "";
    const answerSignature = response.headers.get(PAYMENT_HEADERS.signature) ?? "";
    const isAuthentic =
      this.#freshTimestamp(answeredAt) !== null &&
      this.#verify(
        canonicalPaymentString({ method: "RESPONSE", path, timestamp: answeredAt, nonce, body: text }),
        answerSignature,
      );
    if (!isAuthentic) throw new Error(`payment gateway's answer to ${method} ${path} is not signed by it`);
    return { response: text };
  }

  #freshTimestamp(timestamp: string): Date | null {
    if (!/^\d{1,12}$/.test(timestamp)) return null;
    const seconds = Number(timestamp);
    const now = this.#options.now().getTime() / 1000;
    if (Math.abs(now - seconds) > PAYMENT_SIGNATURE_WINDOW_SECONDS) return null;
    return new Date(seconds * 1000);
  }

  #verify(signed: string, signature: string): boolean {
    const bytes = Buffer.from(signature, "base64");
    if (bytes.length !== 64) return false;
    return verify(null, Buffer.from(signed), this.#options.gatewayPublicKey, bytes);
  }
}

/** The gateway of the settings, its keys read from their files; throws naming a missing or wrong key. */
export async function loadHttpPaymentGateway(
  settings: PaymentGatewaySettings,
  now: () => Date,
): Promise<HttpPaymentGateway> {
  const read = async (file: string, setting: string) => {
    try {
      return await fs.readFile(file, "utf8");
    } catch (error) {
      throw new Error(`${setting}: cannot read ${file} (${(error as Error).message})`);
    }
  };
  const parse = <T>(setting: string, make: () => T): T => {
    try {
      return make();
    } catch (error) {
      throw new Error(`${setting}: not a PEM Ed25519 key (${(error as Error).message})`);
    }
  };
  const privatePem = await read(settings.keyFile, "PAYMENT_GATEWAY_KEY_FILE");
  const publicPem = await read(settings.publicKeyFile, "PAYMENT_GATEWAY_PUBLIC_KEY_FILE");
  const { keyFile: _keyFile, publicKeyFile: _publicKeyFile, ...rest } = settings;
  return new HttpPaymentGateway({
    ...rest,
    privateKey: parse("PAYMENT_GATEWAY_KEY_FILE", () => createPrivateKey(privatePem)),
    gatewayPublicKey: parse("PAYMENT_GATEWAY_PUBLIC_KEY_FILE", () => createPublicKey(publicPem)),
    now,
  });
}

function assertEd25519(key: KeyObject, kind: "private" | "public"): void {
  if (key.asymmetricKeyType !== "ed25519" || key.type !== kind) {
    throw new Error(
      `the payment gateway needs an Ed25519 ${kind} key, not ${key.asymmetricKeyType} ${key.type}`,
    );
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
