import type { ErrorDefinition } from "./types";

/** Errors of the evidence ledger: deposits by platforms (存证), the log's read API and verification (核验). */
export const ledgerErrors = {
  /** The platform credential is missing, unknown, revoked, or its signature does not verify. */
  platform_unauthenticated: {
    status: 401,
    zh: "存证平台身份验证失败",
    en: "The depositing platform could not be authenticated",
  },
  /** The signed request is older or newer than the replay window (±5 minutes). */
  ledger_request_expired: {
    status: 401,
    zh: "请求签名时间超出允许范围",
    en: "The request signature is outside the allowed time window",
  },
  /** The request's nonce was used before: a replayed request. */
  ledger_request_replayed: {
    status: 401,
    zh: "请求已被使用过（重放）",
    en: "This request was already used (replay)",
  },
  /** More deposits than one request may carry (1,000). */
  ledger_batch_too_large: {
    status: 413,
    zh: "单次存证数量超过上限",
    en: "Too many deposits in one request",
  },
  /** No such platform, or it belongs to a court the caller does not administer. */
  ledger_platform_not_found: { status: 404, zh: "存证平台不存在", en: "Depositing platform not found" },
  /** No such credential of this platform. */
  ledger_credential_not_found: { status: 404, zh: "平台凭证不存在", en: "Platform credential not found" },
  /** No deposit with this index made by the calling platform. */
  ledger_deposit_not_found: { status: 404, zh: "存证记录不存在", en: "Deposit not found" },
  /** The platform is disabled and may no longer deposit. */
  ledger_platform_disabled: { status: 403, zh: "存证平台已停用", en: "The depositing platform is disabled" },
  /** The public key is not a 32-byte Ed25519 key, or is already registered. */
  ledger_public_key_invalid: {
    status: 400,
    zh: "公钥格式有误或已被登记",
    en: "The public key is invalid or already registered",
  },
  /** The deposits are durable but no checkpoint covering them was cosigned in time; retry (idempotent). */
  ledger_not_published: {
    status: 503,
    zh: "存证已保存，但见证节点尚未完成签署，请稍后重试",
    en: "Deposits are stored but not yet cosigned by the witnesses; retry later",
  },
  /** The ledger is not running on this server (shutting down or not started). */
  ledger_unavailable: { status: 503, zh: "存证服务暂不可用", en: "The evidence ledger is unavailable" },
  /** The tile or entry bundle does not exist (yet) in this log. */
  ledger_tile_not_found: { status: 404, zh: "数据块不存在", en: "No such tile" },
} as const satisfies Record<string, ErrorDefinition>;
