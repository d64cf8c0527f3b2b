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

export type ServiceStatus =
  "pending" | "delivered" | "served" | "failed" | "undeliverable" | "served_by_post" | "served_by_notice";
export type ServiceChannel = "inbox" | "sms" | "email" | "post" | "notice";
export type AttemptStatus = "queued" | "sent" | "delivered" | "failed" | "refused";
export type ServedHow = "delivered" | "opened" | "acted" | "post" | "notice";

/** One try of one channel (`GET /api/cases/:id/services`). */
export interface ServiceAttempt {
  id: string;
  channel: ServiceChannel;
  /** Masked except for court staff; null for the inbox. */
  address: string | null;
  status: AttemptStatus;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

/** A service record: one document served on one addressee (送达记录). */
export interface ServiceRecord {
  id: string;
  caseId: string;
  courtId: string;
  documentIssueId: string;
  kind: string;
  recipient: {
    partyId: string | null;
    userId: string | null;
    name: string;
    role: string;
    phone: string | null;
    email: string | null;
  };
  addressBasis: "confirmed" | "provided";
  status: ServiceStatus;
  sentAt: string | null;
  deliveredAt: string | null;
  openedAt: string | null;
  actedAt: string | null;
  servedAt: string | null;
  servedHow: ServedHow | null;
  followingDeadline: { kind: string; days: number; basis: string } | null;
  post: { trackingNumber: string; signedOn: string; signedBy: string | null } | null;
  noticeOn: string | null;
  /** Public notice: the day it is deemed served (民事诉讼法第九十五条), from the server. */
  deemedServedOn: string | null;
  /** The case number, in the court's lists (null elsewhere). */
  caseNumber: string | null;
  /** Whether the caller may download the 电子送达凭证 (served; court staff or the addressee's side). */
  certificate: boolean;
  attempts: ServiceAttempt[];
  createdAt: string;
}

/** What the addressee opens from the SMS or e-mail link (`GET /api/served/:serviceId`). */
export interface ServedDocument {
  service: ServiceRecord;
  documents: Array<{ id: string; locale: "zh-CN" | "en"; title: string; docxUrl: string; pdfUrl: string }>;
}

/** The caller's confirmed electronic service address and the 送达地址确认书 to read. */
export interface ServiceAddressView {
  address: { phone: string | null; email: string | null; consentVersion: string; consentedAt: string } | null;
  confirmation: { version: string; zh: string[]; en: string[] };
}

const enc = encodeURIComponent;

/** The delivery context's API: the caller's inbox, service records and service address. */
export const deliveryApi = {
  inbox: (query: { unreadOnly?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<InboxPage>("/api/inbox", {
      query: { unread: query.unreadOnly ? "true" : undefined, page: query.page, pageSize: query.pageSize },
      signal,
    }),
  unreadCount: (signal?: AbortSignal) => api.get<{ unread: number }>("/api/inbox/unread-count", { signal }),
  markRead: (messageId: string) => api.post<void>(`/api/inbox/${encodeURIComponent(messageId)}/read`, {}),
  markAllRead: () => api.post<{ marked: number }>("/api/inbox/read-all", {}),
  caseServices: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: ServiceRecord[] }>(`/api/cases/${enc(caseId)}/services`, { signal }),
  openServed: (serviceId: string, signal?: AbortSignal) =>
    api.get<ServedDocument>(`/api/served/${enc(serviceId)}`, { signal }),
  undeliverable: (courtId: string, signal?: AbortSignal) =>
    api.get<{ items: ServiceRecord[] }>(`/api/courts/${enc(courtId)}/services/undeliverable`, { signal }),
  recordPost: (serviceId: string, body: { trackingNumber: string; signedOn: string; signedBy: string }) =>
    api.post<ServiceRecord>(`/api/services/${enc(serviceId)}/post`, body),
  recordNotice: (serviceId: string, body: { noticeOn: string }) =>
    api.post<ServiceRecord>(`/api/services/${enc(serviceId)}/notice`, body),
  /** The 电子送达凭证 as DOCX, in one language. */
  certificateUrl: (caseId: string, serviceId: string, locale: "zh-CN" | "en") =>
    `/api/cases/${enc(caseId)}/services/${enc(serviceId)}/certificate/${locale}/docx`,
  serviceAddress: (signal?: AbortSignal) =>
    api.get<ServiceAddressView>("/api/me/service-address", { signal }),
  confirmServiceAddress: (body: {
    phone: string | null;
    email: string | null;
    consentVersion: string;
    agree: true;
  }) => api.put<ServiceAddressView>("/api/me/service-address", body),
  withdrawServiceAddress: () => api.delete<{ withdrawn: boolean }>("/api/me/service-address"),
};
