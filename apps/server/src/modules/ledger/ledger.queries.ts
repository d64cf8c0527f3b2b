import {
  TILE_WIDTH,
  decodeEntryBundle,
  formatTlogProof,
  toBase64,
  toHex,
  utf8,
  verifyCheckpoint,
  verifyInclusion,
  type VerifiedCheckpoint,
} from "@netcourt/ledger";
import type { AppContext } from "../../context";
import { AppError, requireUser, type Actor } from "../../platform";
import { findVisibleCase, loadCaseParts, relationToCase } from "../cases/index";
import type { PlatformPrincipal } from "./ledger.auth";
import type { PublishedCheckpoint } from "./ledger.checkpointer";
import { canonicalJson, hashFromHex, hashLeaf, type DepositOpening } from "./ledger.leaves";
import { assertCanManagePlatforms, platformCourts } from "./ledger.policy";
import { presentPlatform } from "./ledger.presenter";
import {
  findDeposit,
  findDepositsByIndex,
  findFirstPublishedCheckpointCovering,
  findPlatform,
  findVerificationsBySha256,
  findVerificationsBySubject,
  listCaseEvents,
  listCredentials,
  listPlatforms,
  type CheckpointRow,
  type DepositRow,
  type VerificationRow,
} from "./ledger.repository";
import { relatedParties } from "./ledger.rules";
import type { TVerificationSummary } from "./ledger.schemas";
import { depositLeaf } from "./ledger.sequencer";
import type { Ledger } from "./ledger.service";

// ------------------------------------------------------------------ platforms

/** Platforms of the courts the caller administers (or of one of them). Throws `forbidden`. */
export async function listCourtPlatforms(context: AppContext, actor: Actor, courtId?: string) {
  requireUser(actor);
  let courts = platformCourts(actor);
  if (courtId) {
    assertCanManagePlatforms(actor, courtId);
    courts = [courtId];
  }
  if (courts.length === 0)
    throw new AppError("forbidden", [{ code: "court_admin_only", message: "for court administrators" }]);
  const platforms = await listPlatforms(context.db, courts);
  const credentials = await listCredentials(
    context.db,
    platforms.map((p) => p.id),
  );
  return platforms.map((p) => presentPlatform(p, credentials));
}

/** One platform: 404 unless the caller is staff of its court, 403 unless an administrator there. */
export async function getPlatform(context: AppContext, actor: Actor, platformId: string) {
  const user = requireUser(actor);
  const platform = await findPlatform(context.db, platformId);
  if (!platform || !user.memberships.some((m) => m.courtId === platform.court_id))
    throw new AppError("ledger_platform_not_found");
  assertCanManagePlatforms(actor, platform.court_id);
  return presentPlatform(platform, await listCredentials(context.db, [platform.id]));
}

// ------------------------------------------------------------------ receipts

/** The receipt of one of the calling platform's deposits, as JSON and as a c2sp.org/tlog-proof file. */
export async function getDepositReceipt(context: AppContext, principal: PlatformPrincipal, index: number) {
  const deposit = await findDeposit(context.db, index);
  if (!deposit || deposit.platformId !== principal.platformId) throw new AppError("ledger_deposit_not_found");
  const published = context.ledger.published;
  if (!published || published.size <= index) throw new AppError("ledger_not_published");
  const leaf = depositLeaf(
    toHex(deposit.sha256),
    deposit.kind,
    toHex(deposit.keyHash),
    deposit.depositedAt,
    deposit.opening,
  );
  const proof = await context.ledger.tiles.inclusionProof(index, published.size);
  const opening = JSON.parse(deposit.opening) as DepositOpening;
  const tlogProof = formatTlogProof({
    extra: utf8(canonicalJson({ leaf: { ...leaf }, opening })),
    index,
    proof,
    checkpoint: published.note,
  });
  return {
    receipt: {
      index,
      sha256: leaf.sha256,
      isNew: false,
      leaf,
      leafHash: toBase64(hashLeaf(leaf)),
      opening,
      inclusionProof: proof.map(toBase64),
      treeSize: published.size,
      checkpoint: published.note,
      receiptUrl: `/api/ledger/deposits/${index}/receipt`,
      policy: ledgerPolicyText(context.ledger, context.config.publicUrl),
    },
    tlogProof,
  };
}

// ------------------------------------------------------------------ verification (核验)

const checkpointCache = new Map<string, { verified: VerifiedCheckpoint | null; signatureOk: boolean }>();

/** Verifies a cosigned checkpoint against the log key and configured witnesses (cached by note). */
function checkCheckpoint(
  ledger: Ledger,
  note: string,
): { verified: VerifiedCheckpoint | null; signatureOk: boolean } {
  const cached = checkpointCache.get(note);
  if (cached) return cached;
  const trust = (quorum: number) => ({
    logKeys: [ledger.verifierKey],
    origin: ledger.origin,
    witnesses: { keys: ledger.witnesses.map((w) => w.vkey), quorum },
  });
  let result: { verified: VerifiedCheckpoint | null; signatureOk: boolean };
  try {
    // Quorum 0: report every configured witness that cosigned; the caller compares with the quorum.
    result = { verified: verifyCheckpoint(note, trust(0)), signatureOk: true };
  } catch {
    result = { verified: null, signatureOk: false };
  }
  if (checkpointCache.size > 1000) checkpointCache.clear();
  checkpointCache.set(note, result);
  return result;
}

function summariseCheckpoint(ledger: Ledger, size: number, rootHash: Uint8Array, note: string) {
  const checked = checkCheckpoint(ledger, note);
  return {
    size,
    rootHash: toBase64(rootHash),
    note,
    cosignatures: (checked.verified?.cosignatures ?? []).map((c) => ({
      witness: c.name,
      cosignedAt: new Date(c.timestamp * 1000),
    })),
    quorum: ledger.quorum,
  };
}

async function describeDeposit(
  context: AppContext,
  deposit: DepositRow,
  options: { showOpening: boolean; parties: Array<{ name: string; creditCode: string | null }> },
) {
  const { ledger } = context;
  const leaf = depositLeaf(
    toHex(deposit.sha256),
    deposit.kind,
    toHex(deposit.keyHash),
    deposit.depositedAt,
    deposit.opening,
  );
  const leafHashBytes = hashLeaf(leaf);
  const published: PublishedCheckpoint | undefined = ledger.published;
  let proof = null;
  if (published && published.size > deposit.leafIndex) {
    const path = await ledger.tiles.inclusionProof(deposit.leafIndex, published.size);
    const checked = checkCheckpoint(ledger, published.note);
    const quorumMet = checked.verified !== null && checked.verified.cosignatures.length >= ledger.quorum;
    proof = {
      leafHash: toBase64(leafHashBytes),
      checkpoint: summariseCheckpoint(ledger, published.size, published.rootHash, published.note),
      inclusionProof: path.map(toBase64),
      steps: {
        leafRecomputed: true,
        inclusionVerified: verifyInclusion(
          deposit.leafIndex,
          published.size,
          leafHashBytes,
          path,
          published.rootHash,
        ),
        checkpointSignatureVerified: checked.signatureOk,
        witnessQuorumMet: quorumMet,
      },
    };
  }
  const first: CheckpointRow | undefined = await findFirstPublishedCheckpointCovering(
    context.db,
    deposit.leafIndex,
  );
  const opening = JSON.parse(deposit.opening) as {
    title: string;
    occurredAt: string;
    metadata: Record<string, unknown>;
  };
  return {
    index: deposit.leafIndex,
    kind: deposit.kind,
    depositedAt: deposit.depositedAt,
    platform: {
      id: deposit.platformId,
      name: deposit.platformName,
      operatorName: deposit.operatorName,
      operatorCreditCode: deposit.operatorCreditCode,
      category: deposit.category,
      credentialKind: deposit.credentialKind,
      relatedParties: relatedParties(
        { name: deposit.operatorName, creditCode: deposit.operatorCreditCode },
        options.parties,
      ),
    },
    opening: options.showOpening
      ? { title: opening.title, occurredAt: opening.occurredAt, metadata: opening.metadata }
      : null,
    firstCheckpoint: first?.cosignedNote
      ? summariseCheckpoint(ledger, first.size, first.rootHash, first.cosignedNote)
      : null,
    proof,
  };
}

type DescribedDeposit = Awaited<ReturnType<typeof describeDeposit>>;

/** The legal basis items of 在线诉讼规则第十六条 to 第十九条 for one verification. */
function basisOf(verification: VerificationRow, deposits: DescribedDeposit[], fileSha256: string) {
  const items: Array<{ article: string; code: BasisCode; params: Record<string, unknown> }> = [];
  if (verification.result === "not_deposited") {
    items.push({ article: "在线诉讼规则第十六条", code: "not_deposited", params: { sha256: fileSha256 } });
    return items;
  }
  if (verification.result === "no_match") {
    items.push({
      article: "在线诉讼规则第十六条",
      code: "hash_mismatch",
      params: { claimedIndex: verification.claimedIndex, sha256: fileSha256 },
    });
    return items;
  }
  for (const d of deposits) {
    const steps = d.proof?.steps;
    const consistent =
      steps !== undefined &&
      steps.leafRecomputed &&
      steps.inclusionVerified &&
      steps.checkpointSignatureVerified &&
      steps.witnessQuorumMet;
    items.push({
      article: "在线诉讼规则第十六条",
      code: consistent ? "technically_consistent" : "technical_check_incomplete",
      params: { index: d.index, checkpointSize: d.proof?.checkpoint.size ?? null },
    });
    items.push({
      article: "在线诉讼规则第十七条",
      code: "platform_identified",
      params: {
        index: d.index,
        platform: d.platform.name,
        operator: d.platform.operatorName,
        credentialKind: d.platform.credentialKind,
        depositedAt: d.depositedAt.toISOString(),
        earliestCosignature:
          d.firstCheckpoint?.cosignatures
            .map((c) => c.cosignedAt.getTime())
            .sort((a, b) => a - b)
            .map((t) => new Date(t).toISOString())[0] ?? null,
      },
    });
    if (d.platform.relatedParties.length > 0) {
      items.push({
        article: "在线诉讼规则第十七条",
        code: "platform_related_to_party",
        params: { index: d.index, parties: d.platform.relatedParties, operator: d.platform.operatorName },
      });
    }
  }
  items.push({
    article: "在线诉讼规则第十八条",
    code: "pre_deposit_authenticity_not_proven",
    params: { occurredAt: deposits.map((d) => d.opening?.occurredAt ?? null) },
  });
  items.push({ article: "在线诉讼规则第十九条", code: "independent_verification_possible", params: {} });
  return items;
}

type BasisCode =
  | "technically_consistent"
  | "technical_check_incomplete"
  | "hash_mismatch"
  | "not_deposited"
  | "platform_identified"
  | "platform_related_to_party"
  | "pre_deposit_authenticity_not_proven"
  | "independent_verification_possible";

/**
 * The ledger checks of a file in the cases the caller can see (核验结果), with every deposit's
 * platform, times, checkpoint, cosigning witnesses, proof steps and the legal basis. Court staff also
 * see the platform's description and source metadata. Throws `authentication_required`, and
 * `case_not_found` when a case is named that the caller cannot see.
 */
export async function findLedgerVerifications(
  context: AppContext,
  actor: Actor,
  query: { sha256: string; caseId?: string | undefined },
) {
  requireUser(actor);
  if (query.caseId && !(await findVisibleCase(context.db, actor, query.caseId)))
    throw new AppError("case_not_found");
  const rows = await findVerificationsBySha256(context.db, hashFromHex(query.sha256), query.caseId);
  const items = [];
  const cases = new Map<string, Awaited<ReturnType<typeof findVisibleCase>>>();
  for (const row of rows) {
    if (!cases.has(row.caseId)) cases.set(row.caseId, await findVisibleCase(context.db, actor, row.caseId));
    const visible = cases.get(row.caseId);
    if (!visible) continue;
    items.push(await presentVerification(context, actor, row, visible));
  }
  return items;
}

async function presentVerification(
  context: AppContext,
  actor: Actor,
  row: VerificationRow,
  visible: NonNullable<Awaited<ReturnType<typeof findVisibleCase>>>,
) {
  const parts = await loadCaseParts(context.db, row.caseId);
  const relation = relationToCase(actor, visible, parts);
  const parties = parts.parties.map((p) => ({ name: p.name, creditCode: p.credit_code }));
  const deposits = await findDepositsByIndex(context.db, row.depositIndexes);
  const described = [];
  for (const deposit of deposits.sort((a, b) => a.leafIndex - b.leafIndex)) {
    described.push(await describeDeposit(context, deposit, { showOpening: relation.isStaff, parties }));
  }
  const sha256 = Buffer.from(row.sha256).toString("hex");
  return {
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    caseId: row.caseId,
    sha256,
    result: row.result,
    claimedIndex: row.claimedIndex,
    checkedAt: row.checkedAt,
    deposits: described,
    basis: basisOf(row, described, sha256),
  };
}

/** Short results for a list of checked files (e.g. a filing's attachments), by subject id. */
export async function summariseLedgerVerifications(
  context: Pick<AppContext, "db">,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<Map<string, TVerificationSummary>> {
  const rows = await findVerificationsBySubject(context.db, subjectType, subjectIds);
  const deposits = await findDepositsByIndex(context.db, [...new Set(rows.flatMap((r) => r.depositIndexes))]);
  const byIndex = new Map(deposits.map((d) => [d.leafIndex, d]));
  const out = new Map<string, TVerificationSummary>();
  for (const row of rows) {
    const found = row.depositIndexes
      .map((i) => byIndex.get(i))
      .filter((d): d is DepositRow => d !== undefined);
    const sha256 = Buffer.from(row.sha256).toString("hex");
    out.set(row.subjectId, {
      result: row.result,
      checkedAt: row.checkedAt,
      depositCount: row.result === "verified" ? found.length : 0,
      firstDepositedAt:
        row.result === "verified" && found.length > 0
          ? new Date(Math.min(...found.map((d) => d.depositedAt.getTime())))
          : null,
      platforms: row.result === "verified" ? [...new Set(found.map((d) => d.platformName))] : [],
      detailsUrl: `/api/ledger/verifications?sha256=${sha256}&caseId=${row.caseId}`,
    });
  }
  return out;
}

// ------------------------------------------------------------------ court events

/** The logged court events and evidence submissions of a case the caller can see, with proofs. */
export async function listCaseLedgerEvents(context: AppContext, actor: Actor, caseId: string) {
  requireUser(actor);
  if (!(await findVisibleCase(context.db, actor, caseId))) throw new AppError("case_not_found");
  const events = await listCaseEvents(context.db, caseId);
  const published = context.ledger.published;
  const indexes = events.map((e) => e.leafIndex).filter((i): i is number => i !== null);
  const entries = await readEntries(context, indexes);
  const items = [];
  for (const event of events) {
    const covered = published !== undefined && event.leafIndex !== null && event.leafIndex < published.size;
    items.push({
      leafIndex: event.leafIndex,
      leafType: event.leafType,
      kind: event.kind,
      recordedAt: event.recordedAt,
      sha256: event.sha256 ? Buffer.from(event.sha256).toString("hex") : null,
      entry: event.leafIndex === null ? null : (entries.get(event.leafIndex) ?? null),
      opening: JSON.parse(event.opening) as Record<string, unknown>,
      inclusionProof: covered
        ? (await context.ledger.tiles.inclusionProof(event.leafIndex!, published.size)).map(toBase64)
        : null,
    });
  }
  return { treeSize: published?.size ?? null, checkpoint: published?.note ?? null, items };
}

/** Entry texts at leaf indexes, from the stored entry bundles. */
async function readEntries(context: AppContext, indexes: readonly number[]): Promise<Map<number, string>> {
  const size = context.ledger.sequencer.committed.size;
  const bundles = [...new Set(indexes.map((i) => Math.floor(i / TILE_WIDTH)))].map((index) => ({
    level: -1,
    index,
    width: Math.min(TILE_WIDTH, size - index * TILE_WIDTH),
  }));
  const rows = await context.ledger.tiles.readRows(bundles);
  const out = new Map<number, string>();
  for (const i of indexes) {
    const row = rows.get(`-1/${Math.floor(i / TILE_WIDTH)}`);
    if (!row) continue;
    const entries = decodeEntryBundle(row.data);
    const entry = entries[i % TILE_WIDTH];
    if (entry) out.set(i, new TextDecoder().decode(entry));
  }
  return out;
}

// ------------------------------------------------------------------ public log

/** The trust policy for verifiers (c2sp.org/tlog-policy): the log key, the witnesses and the quorum. */
export function ledgerPolicyText(ledger: Ledger, publicUrl: string): string {
  const lines = [
    `# netcourt evidence ledger ${ledger.origin}`,
    `log ${ledger.verifierKey} ${publicUrl.replace(/\/$/, "")}/ledger`,
    ...ledger.witnesses.map((w) => `witness ${w.name} ${w.vkey}`),
  ];
  if (ledger.witnesses.length === 0 || ledger.quorum === 0) lines.push("quorum none");
  else {
    lines.push(`group witnesses ${ledger.quorum} ${ledger.witnesses.map((w) => w.name).join(" ")}`);
    lines.push("quorum witnesses");
  }
  return `${lines.join("\n")}\n`;
}
