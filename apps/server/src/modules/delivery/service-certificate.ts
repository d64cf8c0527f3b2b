import { courtDateOf } from "../courts/index";
import {
  emptyModel,
  englishDocumentDate,
  chineseDocumentDate,
  type CourtDocumentModel,
  type DocumentLocale,
} from "../documents/index";
import { servedKindLabels } from "./delivery.messages";
import { maskEmail } from "./services.presenter";
import { maskPhone } from "../cases/index";
import type { AttemptRow, ServiceRow } from "./services.repository";

const channelNames: Record<string, Record<DocumentLocale, string>> = {
  inbox: { "zh-CN": "诉讼平台站内信", en: "Platform inbox" },
  sms: { "zh-CN": "手机短信", en: "SMS" },
  email: { "zh-CN": "电子邮件", en: "E-mail" },
  post: { "zh-CN": "法院专递", en: "Court post (法院专递)" },
  notice: { "zh-CN": "公告", en: "Public notice" },
};

const statusNames: Record<string, Record<DocumentLocale, string>> = {
  queued: { "zh-CN": "待发送", en: "queued" },
  sent: { "zh-CN": "已发送", en: "sent" },
  delivered: { "zh-CN": "已到达", en: "delivered" },
  failed: { "zh-CN": "发送失败", en: "failed" },
  refused: { "zh-CN": "被拒收", en: "refused" },
};

const howNames: Record<string, Record<DocumentLocale, string>> = {
  delivered: {
    "zh-CN": "送达信息到达受送达人确认的电子地址所在系统（《人民法院在线诉讼规则》第三十一条第一款）",
    en: "the message reached the system of an address the addressee confirmed (Online Litigation Rules, Art. 31(1))",
  },
  opened: {
    "zh-CN": "受送达人查阅送达材料（《人民法院在线诉讼规则》第三十一条第二款）",
    en: "the addressee opened the served material (Online Litigation Rules, Art. 31(2))",
  },
  acted: {
    "zh-CN": "受送达人根据送达内容作出相应诉讼行为（《人民法院在线诉讼规则》第三十一条第二款第一项）",
    en: "the addressee acted in the case on what was served (Online Litigation Rules, Art. 31(2)(i))",
  },
  post: {
    "zh-CN": "法院专递回执签收（《最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的若干规定》第九条）",
    en: "the court-post return receipt was signed (SPC Provisions on Service by Court Post, Art. 9)",
  },
  notice: {
    "zh-CN": "公告发出之日起经过三十日（《中华人民共和国民事诉讼法》第九十五条）",
    en: "thirty days passed after the public notice (Civil Procedure Law, Art. 95)",
  },
};

/** A moment as the certificate prints it: the court day and the Beijing time. */
function moment(at: Date | null, locale: DocumentLocale): string {
  if (!at) return "—";
  const day = courtDateOf(at);
  const time = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
  return locale === "zh-CN"
    ? `${chineseDocumentDate(day)} ${time}`
    : `${englishDocumentDate(day)}, ${time} (UTC+8)`;
}

function address(attempt: AttemptRow): string {
  if (!attempt.address) return "";
  return attempt.channel === "email"
    ? (maskEmail(attempt.address) ?? "")
    : (maskPhone(attempt.address) ?? "");
}

/**
 * The 电子送达凭证 of one service as a court document (在线诉讼规则第三十一条第三款: it has the effect of a
 * 送达回证, 民事诉讼法第八十七条): the document served, the addressee, each channel with its times, and
 * the date and basis of service. Addresses are masked: the certificate goes to the parties too.
 */
export function buildServiceCertificate(
  row: ServiceRow,
  attempts: readonly AttemptRow[],
  context: {
    courtName: { zh: string; en: string };
    caseNumber: string | null;
    documentTitle: { zh: string; en: string };
  },
  locale: DocumentLocale,
): CourtDocumentModel {
  const zh = locale === "zh-CN";
  const servedAt = row.served_at!;
  const model = emptyModel("service_certificate", locale, {
    courtName: zh ? context.courtName.zh : context.courtName.en,
    caseNumber: context.caseNumber,
    issuedOn: courtDateOf(servedAt),
  });
  const kindLabel = servedKindLabels[row.kind]?.[locale] ?? row.kind;
  model.parties = [zh ? `受送达人：${row.recipient_name}` : `Addressee: ${row.recipient_name}`];
  model.fields = [
    {
      label: zh ? "送达文书" : "Document served",
      value: `${zh ? context.documentTitle.zh : context.documentTitle.en}（${kindLabel}）`,
    },
    { label: zh ? "受送达人" : "Addressee", value: row.recipient_name },
    {
      label: zh ? "送达地址依据" : "Address basis",
      value:
        row.address_basis === "confirmed"
          ? zh
            ? "受送达人确认的电子送达地址"
            : "electronic address confirmed by the addressee"
          : zh
            ? "其他电子地址（未经受送达人确认）"
            : "other electronic address (not confirmed by the addressee)",
    },
    ...attempts.map((a) => ({
      label: `${channelNames[a.channel]?.[locale] ?? a.channel}${address(a) ? ` ${address(a)}` : ""}`,
      value: [
        statusNames[a.status]?.[locale] ?? a.status,
        a.sent_at ? `${zh ? "发送" : "sent"} ${moment(a.sent_at, locale)}` : "",
        a.delivered_at ? `${zh ? "到达" : "delivered"} ${moment(a.delivered_at, locale)}` : "",
      ]
        .filter((part) => part !== "")
        .join(zh ? "；" : "; "),
    })),
    ...(row.opened_at ? [{ label: zh ? "查阅时间" : "Opened", value: moment(row.opened_at, locale) }] : []),
    ...(row.post_tracking_number
      ? [
          {
            label: zh ? "法院专递单号" : "Court post tracking number",
            value: `${row.post_tracking_number}${row.post_signed_by ? (zh ? `，签收人 ${row.post_signed_by}` : `, signed by ${row.post_signed_by}`) : ""}`,
          },
        ]
      : []),
    ...(row.notice_on
      ? [
          {
            label: zh ? "公告日期" : "Public notice",
            value: zh ? chineseDocumentDate(row.notice_on) : englishDocumentDate(row.notice_on),
          },
        ]
      : []),
    { label: zh ? "送达时间" : "Time of service", value: moment(servedAt, locale) },
    { label: zh ? "送达依据" : "Basis of service", value: howNames[row.served_how ?? ""]?.[locale] ?? "" },
  ];
  model.body = [
    {
      text: zh
        ? "本凭证由诉讼平台根据全程留痕的送达记录生成，具有送达回证效力（《人民法院在线诉讼规则》第三十一条第三款，《中华人民共和国民事诉讼法》第八十七条）。"
        : "This certificate is generated by the platform from the full record of service and has the effect of a proof of service (Online Litigation Rules, Art. 31(3); Civil Procedure Law, Art. 87).",
    },
  ];
  model.signature = [zh ? context.courtName.zh : context.courtName.en];
  return model;
}
