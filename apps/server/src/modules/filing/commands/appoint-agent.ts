import type { Readable } from "node:stream";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  writeAuditEvent,
  type CommandMeta,
} from "../../../platform";
import type { AppContext } from "../../../context";
import {
  insertCaseAgent,
  listActiveAgentsOfParty,
  lockCase,
  lockCaseAgent,
  recordTimeline,
  revokeCaseAgent,
} from "../../cases/index";
import { sendInboxMessage } from "../../delivery/index";
import { appendCourtEvent } from "../../ledger/index";
import { findAccountByContact } from "../../identity/index";
import { loadFiling, userOf } from "../filing.access";

export type AgentKind = "lawyer" | "legal_worker" | "relative" | "employee" | "other";

/** The files a power of attorney may come as: a signed scan or photo. */
const powerOfAttorneyTypes: ReadonlySet<string> = new Set(["application/pdf", "image/jpeg", "image/png"]);

/** Statuses in which a party appoints or revokes an agent: from registration until the case is closed. */
const appointStatuses: ReadonlySet<string> = new Set([
  "accepted",
  "service",
  "evidence_exchange",
  "hearing",
  "judgment",
  "appeal_window",
  "effective",
  "enforcement",
]);

export interface AppointAgentOptions {
  caseId: string;
  partyId?: string | null;
  kind: AgentKind;
  /** The phone number or e-mail address of the agent's verified account. */
  contact: string;
  specialAuthority: boolean;
  fileName: string;
  stream: Readable;
}

/**
 * A party appoints an agent ad litem (民事诉讼法第六十一条: one or two; a lawyer, a legal worker, a close
 * relative or an employee …) with a signed power of attorney (第六十二条), uploaded here. The agent's
 * verified account then sees and acts in the case for that party. Only the party in person appoints.
 * Throws `case_not_found`, `forbidden`, `case_status_conflict`, `agent_account_not_found`,
 * `agent_not_qualified`, `agent_limit_reached`, and the file errors.
 */
export async function appointAgent(
  context: AppContext,
  meta: CommandMeta,
  options: AppointAgentOptions,
): Promise<{ agentId: string }> {
  const user = userOf(meta.actor);
  const fileName = validateFileName(options.fileName);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  const partyId = options.partyId ?? access.relation.selfPartyIds[0];
  if (partyId === undefined || !access.relation.selfPartyIds.includes(partyId)) {
    options.stream.resume();
    throw new AppError("forbidden", [
      { code: "party_only", message: "only the party in person appoints an agent" },
    ]);
  }
  const account = await findAccountByContact(context.db, options.contact);
  if (!account || !account.isVerified || account.kind !== "person" || account.id === user.userId) {
    options.stream.resume();
    throw new AppError("agent_account_not_found");
  }
  // 民事诉讼法第六十一条第二款第（一）项: a lawyer agent acts under a lawyer's verified account.
  if (options.kind === "lawyer" && account.lawyerLicenceNumber === null) {
    options.stream.resume();
    throw new AppError("agent_not_qualified", [
      { path: "kind", code: "agent_not_lawyer", message: "not a lawyer" },
    ]);
  }
  const staged = await context.files.stage(options.stream, context.config.maxUploadBytes);
  let mediaType: string;
  try {
    mediaType = (await sniffFileType(staged.head, fileName, staged.size)).mediaType;
    if (!powerOfAttorneyTypes.has(mediaType)) throw new AppError("file_type_not_allowed");
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
  const stored = { sha256: staged.sha256, size: staged.size };
  return inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    if (!appointStatuses.has(row.status))
      throw new AppError("case_status_conflict", [
        { code: "appointAgent", message: "agents are appointed in a registered case" },
      ]);
    const active = await listActiveAgentsOfParty(trx, partyId);
    if (active.some((a) => a.user_id === account.id)) throw new AppError("agent_limit_reached");
    // 民事诉讼法第六十一条: 当事人、法定代理人可以委托一至二人作为诉讼代理人.
    if (active.length >= 2) throw new AppError("agent_limit_reached");
    await recordStoredFile(trx, { sha256: stored.sha256, size: stored.size, mediaType, now: meta.now });
    const agentId = await insertCaseAgent(trx, {
      caseId: row.id,
      partyId,
      userId: account.id,
      kind: options.kind,
      name: account.name,
      lawFirm: null,
      licenceNumber: options.kind === "lawyer" ? account.lawyerLicenceNumber : null,
      powerOfAttorneySha256: stored.sha256,
      specialAuthority: options.specialAuthority,
      appointedBy: user.userId,
      now: meta.now,
    });
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "agent_appointed",
      actorUserId: user.userId,
      data: { agentId, partyId, kind: options.kind },
      isPublic: false,
      now: meta.now,
    });
    await sendInboxMessage(trx, {
      recipientIds: [account.id],
      caseId: row.id,
      kind: "case_linked",
      params: { caseNumber: row.case_number },
      now: meta.now,
    });
    // 全流程留痕: who acts for a party, under which power of attorney.
    await appendCourtEvent(trx, {
      kind: "agent_appointed",
      courtId: row.court_id,
      caseId: row.id,
      payload: { agentId, partyId, userId: account.id, powerOfAttorney: stored.sha256 },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.agent_appointed",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: {
        agentId,
        partyId,
        kind: options.kind,
        specialAuthority: options.specialAuthority,
        powerOfAttorney: stored.sha256,
      },
    });
    return { agentId };
  });
}

/**
 * A party revokes an agent's authority (民事诉讼法第六十五条: 诉讼代理人的权限如果变更或者解除，当事人应当书面
 * 告知人民法院); the agent no longer sees the case. Throws `case_not_found`, `forbidden`, `agent_not_found`.
 */
export async function revokeAgent(
  context: AppContext,
  meta: CommandMeta,
  options: { caseId: string; agentId: string },
): Promise<void> {
  const user = userOf(meta.actor);
  const access = await loadFiling(context.db, meta.actor, options.caseId);
  await inTransaction(context.db, async (trx) => {
    const row = await lockCase(trx, options.caseId);
    const agent = await lockCaseAgent(trx, row.id, options.agentId);
    if (!agent || agent.status !== "active") throw new AppError("agent_not_found");
    if (!access.relation.selfPartyIds.includes(agent.party_id) && !access.relation.isClerk)
      throw new AppError("forbidden", [
        { code: "party_only", message: "only the party revokes their agent" },
      ]);
    await revokeCaseAgent(trx, agent.id);
    await recordTimeline(trx, {
      caseId: row.id,
      kind: "agent_revoked",
      actorUserId: user.userId,
      data: { agentId: agent.id, partyId: agent.party_id },
      isPublic: false,
      now: meta.now,
    });
    if (agent.user_id !== null)
      await sendInboxMessage(trx, {
        recipientIds: [agent.user_id],
        caseId: row.id,
        kind: "agent_revoked",
        params: { caseNumber: row.case_number },
        now: meta.now,
      });
    await appendCourtEvent(trx, {
      kind: "agent_revoked",
      courtId: row.court_id,
      caseId: row.id,
      payload: { agentId: agent.id, partyId: agent.party_id },
      now: meta.now,
    });
    await writeAuditEvent(trx, meta, {
      action: "cases.agent_revoked",
      subjectType: "case",
      subjectId: row.id,
      courtId: row.court_id,
      data: { agentId: agent.id, partyId: agent.party_id },
    });
  });
}
