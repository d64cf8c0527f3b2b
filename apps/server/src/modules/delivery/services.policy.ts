import { hasRole, type Actor } from "../../platform";
import type { CaseRelation } from "../cases/index";

/** What a caller who can see a case may see of its services. */
export type ServiceView = "court" | "side" | "none";

/**
 * Court staff of the case see every service with its attempts and addresses; a party or agent sees
 * the services addressed to their side (their party ids, or their own account), addresses masked
 * (个人信息保护法第二十八条); anyone else nothing.
 */
export function serviceViewOf(relation: CaseRelation): ServiceView {
  if (relation.isStaff) return "court";
  if (relation.isParty || relation.isAgent || relation.isFiler) return "side";
  return "none";
}

/** Whether a service record is addressed to the caller's side. */
export function isAddressedToSide(
  relation: CaseRelation,
  actorUserId: string,
  service: { recipient_party_id: string | null; recipient_user_id: string | null },
): boolean {
  return (
    service.recipient_user_id === actorUserId ||
    (service.recipient_party_id !== null && relation.ownPartyIds.includes(service.recipient_party_id))
  );
}

/**
 * Who records service by post or public notice, and reads the court's list of services to redo: a
 * clerk of the court (民事诉讼法第八十七条: the 送达回证 is the court's record; the clerk keeps it).
 */
export function canRecordOtherService(actor: Actor, courtId: string): boolean {
  return hasRole(actor, courtId, "clerk", "court_admin");
}
