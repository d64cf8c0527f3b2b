import type { ErrorDefinition } from "./types";

/** Errors of service and the platform inbox. */
export const deliveryErrors = {
  /** No such message in the caller's inbox. */
  message_not_found: { status: 404, zh: "消息不存在", en: "Message not found" },
  /** No such service record, or not one the caller may see. */
  service_not_found: { status: 404, zh: "送达记录不存在", en: "Service record not found" },
  /** Service is already complete; it cannot be served again another way. */
  service_already_complete: {
    status: 409,
    zh: "该文书已送达完毕，不能再以其他方式送达",
    en: "Service is already complete and cannot be made another way",
  },
  /** A certificate of service exists once service is complete. */
  service_not_complete: {
    status: 409,
    zh: "尚未送达完毕，暂无送达凭证",
    en: "Service is not complete yet, so there is no certificate",
  },
  /** A signed-for date or notice date after today. */
  service_date_in_future: {
    status: 400,
    zh: "签收日期或公告日期不能晚于今天",
    en: "The signed-for or notice date cannot be later than today",
  },
  /** Only the court's clerk records service by post or public notice. */
  service_clerk_only: {
    status: 403,
    zh: "仅本院书记员可以记录邮寄送达或公告送达",
    en: "Only a clerk of the court may record service by post or public notice",
  },
  /** The served document is not a document of the case. */
  served_document_not_found: {
    status: 404,
    zh: "送达的文书不属于本案",
    en: "The document to serve is not a document of this case",
  },
  /** A service address needs a phone number or an e-mail address. */
  service_address_empty: {
    status: 400,
    zh: "请至少填写手机号码或电子邮箱之一",
    en: "Give a mobile number, an e-mail address, or both",
  },
  /** The confirmation text version the caller agreed to is not the current one. */
  service_consent_outdated: {
    status: 409,
    zh: "送达地址确认书已更新，请阅读后重新确认",
    en: "The confirmation of service address has changed; read it and confirm again",
  },
} as const satisfies Record<string, ErrorDefinition>;
