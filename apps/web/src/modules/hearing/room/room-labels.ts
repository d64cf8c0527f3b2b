import type { TFunction } from "i18next";
import type { PartyRole, RoomRole } from "./room.api";

/** A participant's place as the room labels it: 审判员, 书记员, 原告, 被告代理人 … */
export function roleLabel(
  t: TFunction<"hearingRoom">,
  person: { role: RoomRole; partyRole: PartyRole | null },
): string {
  switch (person.role) {
    case "judge":
      return t("role.judge");
    case "clerk":
      return t("role.clerk");
    case "party":
      return person.partyRole ? t(`role.${person.partyRole}`) : t("role.party");
    case "agent":
      return person.partyRole ? t("role.agentOf", { side: t(`role.${person.partyRole}`) }) : t("role.agent");
  }
}
