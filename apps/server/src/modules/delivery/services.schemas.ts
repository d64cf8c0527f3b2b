import { z } from "zod";
import { attemptStatuses, servedDocumentKinds, serviceChannels, serviceStatuses } from "./delivery.tables";

const ZCourtDay = z.iso.date();

export const ZServiceAttempt = z.object({
  id: z.uuid().describe("Attempt id"),
  channel: z
    .enum(serviceChannels)
    .describe("Channel: platform inbox, SMS, e-mail, post (法院专递) or public notice"),
  address: z
    .string()
    .nullable()
    .describe(
      "Phone or e-mail address tried; masked except for court staff; null for the inbox and for the other side",
    ),
  status: z.enum(attemptStatuses).describe("queued, sent, delivered (reached the system), failed or refused"),
  error: z
    .string()
    .nullable()
    .describe("Why it failed or was refused, as the channel said; null for the other side"),
  createdAt: z.date().describe("When the attempt was recorded"),
  sentAt: z.date().nullable().describe("When it was handed to the channel"),
  deliveredAt: z.date().nullable().describe("When it reached the addressee's system"),
});

export const ZService = z.object({
  id: z.uuid().describe("Service record id"),
  caseId: z.uuid().describe("Case"),
  courtId: z.uuid().describe("Serving court"),
  documentIssueId: z.uuid().describe("The served document (both language versions of one issue)"),
  kind: z.enum(servedDocumentKinds).describe("What is served"),
  recipient: z
    .object({
      partyId: z.uuid().nullable().describe("Party served"),
      userId: z.uuid().nullable().describe("Account of the addressee, if any"),
      name: z.string().describe("Addressee's name"),
      role: z.string().describe("Addressee's role (plaintiff, defendant, agent …)"),
      phone: z
        .string()
        .nullable()
        .describe("Mobile served at; masked except for court staff; null for the other side"),
      email: z
        .string()
        .nullable()
        .describe("E-mail served at; masked except for court staff; null for the other side"),
    })
    .describe("The addressee"),
  addressBasis: z
    .enum(["confirmed", "provided"])
    .describe("confirmed: an address the addressee gave or confirmed; provided: given by the other side"),
  status: z.enum(serviceStatuses).describe("Where service stands"),
  sentAt: z.date().nullable().describe("When it was first sent"),
  deliveredAt: z.date().nullable().describe("When it first reached the addressee's system"),
  openedAt: z.date().nullable().describe("When the addressee opened it"),
  actedAt: z.date().nullable().describe("When the addressee acted in the case on it"),
  servedAt: z.date().nullable().describe("When service was complete (在线诉讼规则第三十一条)"),
  servedHow: z
    .enum(["delivered", "opened", "acted", "post", "notice"])
    .nullable()
    .describe("What completed service"),
  followingDeadline: z
    .object({
      kind: z.string().describe("Deadline kind opened on service"),
      days: z.number().int().describe("Length in days"),
      basis: z.string().describe("Article"),
    })
    .nullable()
    .describe("The period service opens"),
  post: z
    .object({
      trackingNumber: z.string().describe("法院专递 tracking number"),
      signedOn: ZCourtDay.describe("Day the return receipt was signed"),
      signedBy: z.string().nullable().describe("Who signed the receipt"),
    })
    .nullable()
    .describe("Service by post"),
  noticeOn: ZCourtDay.nullable().describe("Day of the public notice"),
  deemedServedOn: ZCourtDay.nullable().describe(
    "Public notice: the day it is deemed served, thirty days after the notice (民事诉讼法第九十五条)",
  ),
  caseNumber: z
    .string()
    .nullable()
    .describe("The case number, in the court's lists of services (null elsewhere or before it has one)"),
  caseCode: z
    .string()
    .nullable()
    .describe(
      "The addressee's case code sent with the document, to link the case; only for the addressee and court staff",
    ),
  certificate: z
    .boolean()
    .describe(
      "Whether the caller may download the 电子送达凭证: service complete, and the caller is court staff or of the addressee's side",
    ),
  attempts: z.array(ZServiceAttempt).describe("Each channel try"),
  createdAt: z.date().describe("When the document was served"),
});
export type TService = z.infer<typeof ZService>;

export const ZServiceList = z.object({ items: z.array(ZService).describe("Service records") });

export const ZServiceParams = z.strictObject({ serviceId: z.uuid().describe("Service record id") });
export const ZCaseParams = z.strictObject({ id: z.uuid().describe("Case id") });
export const ZCaseServiceParams = z.strictObject({
  id: z.uuid().describe("Case id"),
  serviceId: z.uuid().describe("Service record id"),
});
export const ZCourtParams = z.strictObject({ courtId: z.uuid().describe("Court id") });

export const ZServedDocument = z.object({
  service: ZService.describe("The service, now opened"),
  documents: z
    .array(
      z.object({
        id: z.uuid().describe("Document version id"),
        locale: z.enum(["zh-CN", "en"]).describe("Language (zh-CN is the legal original)"),
        title: z.string().describe("Title"),
        docxUrl: z.string().describe("Download as DOCX"),
        pdfUrl: z.string().describe("Download as PDF"),
      }),
    )
    .describe("The served document's language versions"),
});

export const ZRecordPostRequest = z.strictObject({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, "letters, digits and -")
    .describe("法院专递 tracking number"),
  signedOn: ZCourtDay.describe("Day the return receipt was signed (法院专递规定第九条)"),
  signedBy: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe("Who signed for it (the addressee or who signed for them)"),
});

export const ZRecordNoticeRequest = z.strictObject({
  noticeOn: ZCourtDay.describe(
    "Day the public notice was issued (民事诉讼法第九十五条: served 30 days later)",
  ),
});

export const ZCertificateDocxParams = z.strictObject({
  id: z.uuid().describe("Case id"),
  serviceId: z.uuid().describe("Service record id"),
  locale: z.enum(["zh-CN", "en"]).describe("Language (zh-CN is the legal original)"),
});

export const ZDocumentModel = z.object({
  kind: z.string().describe("Document kind"),
  locale: z.enum(["zh-CN", "en"]).describe("Language"),
  courtName: z.string().describe("Court"),
  title: z.string().describe("Title"),
  caseNumber: z.string().nullable().describe("Case number"),
  translationNote: z.string().nullable().describe("Courtesy-translation note"),
  parties: z.array(z.string()).describe("Addressee lines"),
  body: z
    .array(
      z.object({
        text: z.string().describe("Text"),
        style: z.enum(["body", "heading", "plain"]).optional().describe("Layout"),
      }),
    )
    .describe("Body"),
  fields: z
    .array(z.object({ label: z.string().describe("Label"), value: z.string().describe("Value") }))
    .describe("Rows"),
  signature: z.array(z.string()).describe("Signature lines"),
  date: z.string().describe("Printed date"),
  issuedOn: z.string().describe("Court day of issue"),
});

export const ZCertificate = z.object({
  zh: ZDocumentModel.describe("Chinese original"),
  en: ZDocumentModel.describe("English courtesy translation"),
});

export const CONSENT_VERSION = "2026-12-07";

export const ZServiceAddress = z.object({
  phone: z.string().nullable().describe("Mobile number service may be sent to"),
  email: z.string().nullable().describe("E-mail address service may be sent to"),
  consentVersion: z.string().describe("Version of the confirmation text agreed to"),
  consentedAt: z.date().describe("When the caller confirmed"),
});

export const ZServiceAddressView = z.object({
  address: ZServiceAddress.nullable().describe("The caller's confirmed address, or null"),
  confirmation: z
    .object({
      version: z.string().describe("Current version of the confirmation text"),
      zh: z.array(z.string()).describe("送达地址确认书 (Chinese)"),
      en: z.array(z.string()).describe("Confirmation of service address (English)"),
    })
    .describe("The text to read before confirming (互联网法院规定第十六条)"),
});

export const ZPutServiceAddress = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, "a mainland mobile number")
    .nullable()
    .describe("Mobile number for service notices"),
  email: z.email().max(200).nullable().describe("E-mail address for service notices"),
  consentVersion: z.string().max(20).describe("The version of the confirmation text read and agreed to"),
  agree: z.literal(true).describe("Agrees to electronic service at these addresses"),
});
