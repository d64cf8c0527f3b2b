import type { Executor } from "../../platform";

export async function insertInboxMessages(
  db: Executor,
  messages: Array<{
    recipientId: string;
    caseId: string | null;
    kind: string;
    params: Record<string, unknown>;
    now: Date;
  }>,
): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto("inbox_messages")
    .values(
      messages.map((m) => ({
        recipient_id: m.recipientId,
        case_id: m.caseId,
        kind: m.kind,
        params: JSON.stringify(m.params),
        created_at: m.now,
        read_at: null,
      })),
    )
    .execute();
}

export async function listInbox(
  db: Executor,
  recipientId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
) {
  let query = db.selectFrom("inbox_messages").where("recipient_id", "=", recipientId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const [items, total] = await Promise.all([
    query
      .select(["id", "case_id", "kind", "params", "created_at", "read_at"])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function countUnread(db: Executor, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom("inbox_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("recipient_id", "=", recipientId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks a recipient's message read; false when it is not theirs (the caller answers 404). */
export async function markRead(
  db: Executor,
  recipientId: string,
  messageId: string,
  now: Date,
): Promise<boolean> {
  const owned = await db
    .selectFrom("inbox_messages")
    .select("id")
    .where("id", "=", messageId)
    .where("recipient_id", "=", recipientId)
    .executeTakeFirst();
  if (!owned) return false;
  await db
    .updateTable("inbox_messages")
    .set({ read_at: now })
    .where("id", "=", messageId)
    .where("read_at", "is", null)
    .execute();
  return true;
}

export async function markAllRead(db: Executor, recipientId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("inbox_messages")
    .set({ read_at: now })
    .where("recipient_id", "=", recipientId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
