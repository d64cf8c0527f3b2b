import type { SimulatorReport } from "../start-safety";

export type PaymentStatus = "paid" | "failed";

/** What a payment gateway tells us about a payment. */
export interface PaymentNotification {
  reference: string;
  orderId: string;
  amountFen: number;
  status: PaymentStatus;
  /**
   * The signed message as received, kept as evidence of what the gateway said; its nonce is accepted
   * once (a replayed message is refused). Absent for the simulator, whose messages prove nothing.
   */
  receipt?: { nonce: string; signature: string; signedAt: Date; body: string };
}

/**
 * The payment port (DESIGN.md: adapters). A real gateway (UnionPay, a bank's court-fee service …)
 * implements these two calls over HTTP (modules/filing/adapters/http-payment-gateway.ts,
 * docs/payment-gateway.md); the simulator runs by default outside production and in tests.
 */
export interface PaymentGateway extends SimulatorReport {
  readonly name: string;
  /** Opens a payment; the payer completes it at `payUrl`, and the gateway later calls `notifyUrl`. */
  createPayment(request: {
    orderId: string;
    amountFen: number;
    subject: string;
    notifyUrl: string;
    returnUrl: string;
  }): Promise<{ reference: string; payUrl: string }>;
  /** Checks that a notification is authentic and fresh and returns what it says, or null. */
  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): PaymentNotification | null;
}
