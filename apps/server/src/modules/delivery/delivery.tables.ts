import type { ColumnType, Generated } from "kysely";

export interface DeliveryTables {
  inbox_messages: InboxMessagesTable;
}

export interface InboxMessagesTable {
  id: Generated<string>;
  recipient_id: string;
  case_id: string | null;
  kind: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  created_at: Date;
  read_at: Date | null;
}
