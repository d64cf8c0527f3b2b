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
  /** 在线诉讼规则第七条第三款: the face check did not match the account's verified identity; take it again. */
  face_check_mismatch: {
    status: 422,
    zh: "人脸核验未通过：照片与您实名认证的身份不一致，请正对摄像头、光线充足时重新拍照",
    en: "The face check did not pass: the photo does not match your verified identity. Face the camera in good light and try again",
  },
  /** The face/ID service could not decide; the attempt is kept and the judge checks identity by sight. */
  face_check_unavailable: {
    status: 503,
    zh: "人脸核验服务暂时不可用，请进入候审室，审判员将当庭核实您的身份",
    en: "The face check service is unavailable; enter the waiting room and the judge will check your identity in person",
  },
  /** The account has no verified resident ID number to compare a face with (an organisation, or not verified). */
  face_check_no_verified_id: {
    status: 409,
    zh: "您的账户没有经实名认证的居民身份证号码，无法进行人脸核验，审判员将当庭核实您的身份",
    en: "Your account has no verified resident ID number to check a face against; the judge will check your identity in person",
  },
  /** The court did not require a face check for this hearing: no photo is taken (个人信息保护法第六条). */
  face_check_not_required: {
    status: 409,
    zh: "本次庭审无需人脸核验",
    en: "This hearing does not require a face check",
  },
} as const satisfies Record<string, ErrorDefinition>;
