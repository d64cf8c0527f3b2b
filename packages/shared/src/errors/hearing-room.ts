import type { ErrorDefinition } from "./types";

/** Errors of the online hearing room (在线诉讼规则第二十一条至第二十六条). */
export const hearingRoomErrors = {
  /** The hearing does not sit online, so it has no room. */
  hearing_room_not_online: {
    status: 409,
    zh: "该庭审不采用在线方式，没有在线庭审室",
    en: "This hearing does not sit online and has no hearing room",
  },
  /** The room may be opened only on the day of the hearing; `details` give the day. */
  hearing_room_not_today: {
    status: 409,
    zh: "只能在开庭当日开启在线庭审室",
    en: "The hearing room can be opened only on the day of the hearing",
  },
  /** The room is not open (not yet opened, or the hearing has ended). */
  hearing_room_closed: {
    status: 409,
    zh: "在线庭审室尚未开启或庭审已经结束",
    en: "The hearing room is not open, or the hearing has ended",
  },
} as const satisfies Record<string, ErrorDefinition>;
