import type { Executor } from "../../../platform";
import type { InboxKind } from "../delivery.messages";
import { insertInboxMessages } from "../delivery.repository";

export interface SendInboxMessageOptions {
  recipientIds: string[];
  caseId: string | null;
  /** A kind from delivery.messages.ts; the text is rendered in the reader's language. */
  kind: InboxKind;
  params: Record<string, unknown>;
  now: Date;
}

/**
 * Puts a message in the platform inbox of each recipient, in the caller's transaction: the message
 * exists exactly when the act it reports does (互联网法院规定第十五条: the platform is a service channel).
 */
export async function sendInboxMessage(trx: Executor, options: SendInboxMessageOptions): Promise<void> {
  const recipients = [...new Set(options.recipientIds)];
  await insertInboxMessages(
    trx,
    recipients.map((recipientId) => ({
      recipientId,
      caseId: options.caseId,
      kind: options.kind,
      params: options.params,
      now: options.now,
    })),
  );
}
