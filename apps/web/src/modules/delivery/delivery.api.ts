import { api } from "../../platform/api-client";

/** A message in the platform inbox (站内信), rendered by the server in the caller's language. */
export interface InboxMessage {
  id: string;
  caseId: string | null;
  kind: string;
  params: Record<string, unknown>;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxMessage[];
  total: number;
  unread: number;
}

/** The delivery context's API: the caller's inbox. */
export const deliveryApi = {
  inbox: (query: { unreadOnly?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<InboxPage>("/api/inbox", {
      query: { unread: query.unreadOnly ? "true" : undefined, page: query.page, pageSize: query.pageSize },
      signal,
    }),
  unreadCount: (signal?: AbortSignal) => api.get<{ unread: number }>("/api/inbox/unread-count", { signal }),
  markRead: (messageId: string) => api.post<void>(`/api/inbox/${encodeURIComponent(messageId)}/read`, {}),
  markAllRead: () => api.post<{ marked: number }>("/api/inbox/read-all", {}),
};
