/** What a payment gateway tells us about a payment. */
export interface PaymentNotification {
  reference: string;
  orderId: string;
  amountFen: number;
  status: "paid" | "failed";
}

/**
 * The payment port (DESIGN.md: adapters). A real gateway (UnionPay, a bank's court-fee service …)
 * implements these two calls; the simulator below runs by default and in tests.
 */
export interface PaymentGateway {
  readonly name: string;
  /** Opens a payment; the payer completes it at `payUrl`, and the gateway later calls `notifyUrl`. */
  createPayment(request: {
    orderId: string;
    amountFen: number;
    subject: string;
    notifyUrl: string;
    returnUrl: string;
  }): Promise<{ reference: string; payUrl: string }>;
  /** Checks that a notification is authentic and returns what it says, or null. */
  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): PaymentNotification | null;
}
