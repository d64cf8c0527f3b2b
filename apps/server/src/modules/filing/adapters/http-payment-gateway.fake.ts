import { createHash, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The gateway's side of docs/payment-gateway.md, written from the document rather than from the
 * adapter, for contract tests: it checks the court's signed requests, opens orders and posts signed
 * notifications to the court.
 */
export class FakePaymentGateway {
  readonly keys = generateKeyPairSync("ed25519");
  readonly orders = new Map<
    string,
    { reference: string; orderId: string; amountFen: number; notifyUrl: string; status: string }
  >();
  /** Requests whose signature did not verify (the gateway answers them 401). */
  rejected = 0;
  #server: http.Server | undefined;
  #seenNonces = new Set<string>();

  constructor(
    readonly courtPublicKey: KeyObject,
    readonly merchantId: string,
    readonly now: () => Date,
  ) {}

  get url(): string {
    const { port } = this.#server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async start(): Promise<void> {
    this.#server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => this.#handle(request, Buffer.concat(chunks).toString("utf8"), response));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /** A signed notification about an order, as the gateway would post it (fields may be overridden). */
  notification(
    reference: string,
    overrides: {
      status?: "paid" | "failed";
      amountFen?: number;
      timestamp?: number;
      nonce?: string;
      signingKey?: KeyObject;
    } = {},
  ): { url: string; body: string; headers: Record<string, string> } {
    const order = this.orders.get(reference)!;
    const body = JSON.stringify({
      merchantId: this.merchantId,
      orderId: order.orderId,
      reference,
      amountFen: overrides.amountFen ?? order.amountFen,
      currency: "CNY",
      status: overrides.status ?? "paid",
    });
    const timestamp = String(overrides.timestamp ?? Math.floor(this.now().getTime() / 1000));
    const nonce = overrides.nonce ?? randomBytes(18).toString("base64url");
    const url = new URL(order.notifyUrl);
    const signature = this.#sign("POST", url.pathname, timestamp, nonce, body, overrides.signingKey);
    return {
      url: order.notifyUrl,
      body,
      headers: {
        "content-type": "application/json",
        "x-pay-timestamp": timestamp,
        "x-pay-nonce": nonce,
        "x-pay-signature": signature,
      },
    };
  }

  /** Posts a notification to the court and returns the court's answer. */
  async deliver(message: { url: string; body: string; headers: Record<string, string> }) {
    const response = await fetch(message.url, {
      method: "POST",
      body: message.body,
      headers: message.headers,
    });
    return { status: response.status, body: (await response.json()) as { result?: string; error?: string } };
  }

  #handle(request: http.IncomingMessage, body: string, response: http.ServerResponse): void {
    const path = request.url ?? "/";
    const timestamp = header(request, "x-pay-timestamp");
    const nonce = header(request, "x-pay-nonce");
    const signature = header(request, "x-pay-signature");
    const fresh = Math.abs(Number(timestamp) - this.now().getTime() / 1000) <= 300;
    const isAuthentic =
      fresh &&
      /^[A-Za-z0-9_-]{16,64}$/.test(nonce) &&
      !this.#seenNonces.has(nonce) &&
      verify(
        null,
        Buffer.from(canonical(request.method ?? "", path, timestamp, nonce, body)),
        this.courtPublicKey,
        Buffer.from(signature, "base64"),
      );
    if (!isAuthentic) {
      this.rejected += 1;
      response.writeHead(401).end();
      return;
    }
    this.#seenNonces.add(nonce);
    const answer = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      const answeredAt = String(Math.floor(this.now().getTime() / 1000));
      response
        .writeHead(status, {
          "content-type": "application/json",
          "x-pay-timestamp": answeredAt,
          "x-pay-signature": this.#sign("RESPONSE", path, answeredAt, nonce, text),
        })
        .end(text);
    };
    if (request.method === "POST" && path === "/v1/orders") {
      const order = JSON.parse(body) as {
        merchantId: string;
        orderId: string;
        amountFen: number;
        notifyUrl: string;
      };
      if (order.merchantId !== this.merchantId) return answer(403, { error: "merchant" });
      const reference = `GW${randomBytes(6).toString("hex").toUpperCase()}`;
      this.orders.set(reference, { reference, ...order, status: "pending" });
      return answer(200, { reference, payUrl: `${this.url}/cashier/${reference}` });
    }
    const match = /^\/v1\/orders\/([^/]+)$/.exec(path);
    if (request.method === "GET" && match) {
      const order = this.orders.get(decodeURIComponent(match[1]!));
      if (!order) return answer(404, { error: "not_found" });
      return answer(200, {
        reference: order.reference,
        orderId: order.orderId,
        amountFen: order.amountFen,
        status: order.status,
      });
    }
    answer(404, { error: "not_found" });
  }

  #sign(
    method: string,
    path: string,
    timestamp: string,
    nonce: string,
    body: string,
    key?: KeyObject,
  ): string {
    const signed = Buffer.from(canonical(method, path, timestamp, nonce, body));
    return sign(null, signed, key ?? this.keys.privateKey).toString("base64");
  }
}

function canonical(method: string, path: string, timestamp: string, nonce: string, body: string): string {
  const hash = createHash("sha256").update(body).digest("hex");
  return ["netcourt-pay-v1", method, path, timestamp, nonce, hash].join("\n") + "\n";
}

function header(request: http.IncomingMessage, name: string): string {
  const value = request.headers[name];
  return typeof value === "string" ? value : "";
}
