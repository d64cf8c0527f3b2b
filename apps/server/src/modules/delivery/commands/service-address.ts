import type { Kysely } from "kysely";
import {
  AppError,
  inTransaction,
  writeAuditEvent,
  type CommandMeta,
  type DB,
  type Executor,
} from "../../../platform";
import { CONSENT_VERSION } from "../services.schemas";
import { deleteServiceAddress, findServiceAddressRow, upsertServiceAddress } from "../services.repository";

/**
 * The 送达地址确认书 the account agrees to (互联网法院规定第十六条; 在线诉讼规则第三十条: the court confirms
 * the way and address of electronic service and tells the addressee its scope, its effect and how to
 * change the address). Versioned: a change of text asks everyone to confirm again.
 */
export const serviceAddressConfirmation = {
  version: CONSENT_VERSION,
  zh: [
    "一、适用范围：本人同意人民法院在本人作为当事人或诉讼代理人的案件中，通过诉讼平台站内信以及本人确认的手机号码（短信）、电子邮箱，以电子方式向本人送达诉讼文书和证据材料（《最高人民法院关于互联网法院审理案件若干问题的规定》第十五条，《人民法院在线诉讼规则》第二十九条）。判决书、裁定书、调解书同样适用；本人需要纸质文书的，可以向法院申请提供（《中华人民共和国民事诉讼法》第九十条第一款）。本确认即《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百三十六条所称送达地址确认书。",
    "二、送达效力：送达信息到达上述电子地址所在系统时，即为送达；本人是否查阅不影响送达的效力（《人民法院在线诉讼规则》第三十一条第一款）。以多种方式送达的，以最先到达的时间为送达时间。送达之日起算答辩、上诉等期间。",
    "三、变更方式：本人可随时在平台“送达地址”页面修改或撤回本确认，修改自保存时起对此后的送达生效；已完成的送达不受影响。撤回后，法院向本人送达时须经本人查阅或作出诉讼行为方为送达（《人民法院在线诉讼规则》第三十一条第二款）。",
    "四、本人保证上述地址真实有效并由本人使用；短信和邮件只含查阅链接，文书须登录后查阅。",
  ],
  en: [
    "1. Scope: I agree that the court may serve court documents and evidence on me electronically, in cases where I am a party or an agent, through the platform inbox and the mobile number (SMS) and e-mail address I confirm here (SPC Provisions on Internet Courts, Art. 15; Online Litigation Rules, Art. 29). This includes judgments, rulings and mediation statements; I may ask the court for paper copies of those (Civil Procedure Law, Art. 90(1)). This is the confirmation of service address of the SPC Interpretation of the Civil Procedure Law, Art. 136.",
    "2. Effect: service is complete when the message reaches the system of one of these addresses, whether or not I open it (Online Litigation Rules, Art. 31(1)). When several channels are used, the earliest arrival counts. Periods to answer or appeal run from the day of service.",
    "3. Changes: I may change or withdraw this confirmation at any time on the Service address page; a change applies to service made after it is saved and does not affect service already complete. Once it is withdrawn, service on me is complete only when I open it or act on it (Online Litigation Rules, Art. 31(2)).",
    "4. I confirm these addresses are mine and in use; messages carry only a link, and documents are read after signing in.",
  ],
} as const;

/** The account's confirmed electronic service address, or null (callers of `serveDocument` use it). */
export async function findServiceAddress(
  db: Executor,
  userId: string,
): Promise<{ phone: string | null; email: string | null; consentVersion: string; consentedAt: Date } | null> {
  const row = await findServiceAddressRow(db, userId);
  if (!row) return null;
  return {
    phone: row.phone,
    email: row.email,
    consentVersion: row.consent_version,
    consentedAt: row.consented_at,
  };
}

/**
 * Confirms (or changes) the caller's electronic service address with their consent to the current
 * text. Throws `service_address_empty`, `service_consent_outdated`.
 */
export async function confirmServiceAddress(
  db: Kysely<DB>,
  meta: CommandMeta,
  input: { userId: string; phone: string | null; email: string | null; consentVersion: string },
): Promise<void> {
  if (input.phone === null && input.email === null) throw new AppError("service_address_empty");
  // 互联网法院规定第十六条: consent is to the text as it stands; an older text is not consent.
  if (input.consentVersion !== serviceAddressConfirmation.version)
    throw new AppError("service_consent_outdated");
  await inTransaction(db, async (trx) => {
    await upsertServiceAddress(trx, { ...input, now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "delivery.service_address_confirmed",
      subjectType: "user",
      subjectId: input.userId,
      data: {
        hasPhone: input.phone !== null,
        hasEmail: input.email !== null,
        consentVersion: input.consentVersion,
      },
    });
  });
}

/** Withdraws the caller's confirmation; later service uses addresses as `provided`. */
export async function withdrawServiceAddress(
  db: Kysely<DB>,
  meta: CommandMeta,
  userId: string,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const removed = await deleteServiceAddress(trx, userId);
    if (removed) {
      await writeAuditEvent(trx, meta, {
        action: "delivery.service_address_withdrawn",
        subjectType: "user",
        subjectId: userId,
      });
    }
    return removed;
  });
}
