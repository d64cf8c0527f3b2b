import type { Readable } from "node:stream";
import type { AppContext } from "../../../../context";
import {
  AppError,
  inTransaction,
  recordStoredFile,
  sniffFileType,
  validateFileName,
  type CommandMeta,
} from "../../../../platform";
import type { RealNameResult, RealNameVerifier } from "../../../../platform/ports/index";
import { realNameVerifierFromEnv } from "../../../identity/index";
import { recordHearingAct } from "../../hearing.events";
import { lockHearing } from "../../hearing.repository";
import { assertParticipant, assertRoomOpen, loadRoomFor, verifiedIdentityOf } from "../room.access";
import { insertFaceCheck, type FaceCheckRow } from "../room.repository";
import { FACE_IMAGE_MAX_BYTES, FACE_IMAGE_TYPES } from "../room.rules";

const BASIS = "在线诉讼规则第七条第三款; 互联网法院规定第六条";

/**
 * A party or agent passes the face check at the door of a hearing room that requires it
 * (在线诉讼规则第七条第三款: 在线开展庭审…应当再次验证诉讼主体的身份): the photo from their camera is kept, the
 * face/ID service compares it with the account's verified name and ID number, and the attempt is recorded —
 * whatever the answer — with its audit and ledger entry. A mismatch throws `face_check_mismatch` (422), a
 * service that could not decide `face_check_unavailable` (503), both after the record is kept. Throws also
 * `hearing_not_found`, `forbidden`, `hearing_room_closed`, `face_check_not_required`,
 * `face_check_no_verified_id`, `file_type_not_allowed`, `file_type_mismatch`, `file_empty`, `file_too_large`.
 */
export async function verifyParticipantFace(
  context: AppContext,
  meta: CommandMeta,
  hearingId: string,
  photo: { fileName: string; stream: Readable },
): Promise<FaceCheckRow> {
  let checked: { userId: string; role: "party" | "agent"; name: string; idNumber: string };
  try {
    if (meta.actor.kind !== "user") throw new AppError("authentication_required");
    const userId = meta.actor.userId;
    const access = await loadRoomFor(context.db, meta.actor, hearingId);
    const identity = assertParticipant(access);
    if (identity.role !== "party" && identity.role !== "agent") {
      throw new AppError("forbidden", [
        { code: "parties_and_agents_only", message: "the court is not asked for a face check" },
      ]);
    }
    const room = assertRoomOpen(access);
    // 个人信息保护法第六条、第二十八条: a face is sensitive personal data, taken only when the court asked for it.
    if (!room.requires_face_check) throw new AppError("face_check_not_required");
    const verified = await verifiedIdentityOf(context.db, userId);
    if (!verified) throw new AppError("face_check_no_verified_id");
    validateFileName(photo.fileName);
    checked = { userId, role: identity.role, ...verified };
  } catch (error) {
    photo.stream.resume();
    throw error;
  }

  const staged = await context.files.stage(photo.stream, FACE_IMAGE_MAX_BYTES);
  let mediaType: (typeof FACE_IMAGE_TYPES)[number];
  try {
    const sniffed = await sniffFileType(staged.head, photo.fileName, staged.size);
    const allowed = FACE_IMAGE_TYPES.find((type) => type === sniffed.mediaType);
    if (!allowed) {
      throw new AppError("file_type_not_allowed", [
        { path: "file", code: "not_a_photo", message: "a JPEG or PNG still from the camera" },
      ]);
    }
    mediaType = allowed;
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();

  // The call happens outside any transaction: a slow service must not hold database locks.
  const verifier = verifierOf(context);
  const answer = await ask(verifier, {
    name: checked.name,
    idNumber: checked.idNumber,
    selfieSha256: staged.sha256,
    requestId: meta.requestId,
  });
  const provider = verifier.provider.slice(0, 200) || "unknown";
  const row = await inTransaction(context.db, async (trx) => {
    // The hearing may have ended while the service answered: nothing is recorded for a closed room.
    const hearing = await lockHearing(trx, hearingId);
    if (!hearing || hearing.status !== "in_progress") throw new AppError("hearing_room_closed");
    await recordStoredFile(trx, { sha256: staged.sha256, size: staged.size, mediaType, now: meta.now });
    const check = await insertFaceCheck(trx, {
      hearing_id: hearingId,
      user_id: checked.userId,
      role: checked.role,
      result: answer.result,
      provider,
      reference: answer.reference.slice(0, 500) || "none",
      score: answer.score,
      image_sha256: staged.sha256,
      image_media_type: mediaType,
      image_size: staged.size,
      checked_at: meta.now,
    });
    await recordHearingAct(trx, meta, {
      hearing,
      action: "hearing.face_checked",
      courtEvent: "hearing_face_checked",
      data: {
        hearingId,
        checkId: check.id,
        role: check.role,
        result: check.result,
        provider: check.provider,
        reference: check.reference,
        score: check.score,
        imageSha256: check.image_sha256,
        basis: BASIS,
      },
    });
    return check;
  });
  if (row.result === "mismatch") {
    throw new AppError("face_check_mismatch", [
      { code: "mismatch", message: "the photo does not match", params: { checkId: row.id } },
    ]);
  }
  if (row.result === "error") {
    throw new AppError("face_check_unavailable", [
      { code: "service_error", message: "the service could not decide", params: { checkId: row.id } },
    ]);
  }
  return row;
}

function verifierOf(context: AppContext): RealNameVerifier {
  return context.ports.realNameVerifier ?? realNameVerifierFromEnv(process.env, () => context.clock.now());
}

/** The service's answer; one that throws or answers nonsense could not decide. */
async function ask(verifier: RealNameVerifier, check: Parameters<RealNameVerifier["verify"]>[0]) {
  try {
    const answer: RealNameResult = await verifier.verify(check);
    const isKnown = answer.result === "match" || answer.result === "mismatch" || answer.result === "error";
    const score =
      typeof answer.score === "number" && answer.score >= 0 && answer.score <= 1 ? answer.score : null;
    return isKnown
      ? { result: answer.result, reference: String(answer.reference), score }
      : { result: "error" as const, reference: "malformed-answer", score: null };
  } catch {
    return { result: "error" as const, reference: "unreachable", score: null };
  }
}
