import { z } from "zod";
import { ZCourtroom } from "../courts/index";
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from "./hearing.rules";

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === "" ? null : v));
const optionalId = (what: string) =>
  z
    .uuid()
    .nullish()
    .transform((v) => v ?? null)
    .describe(what);

const ZInstant = z.iso.datetime({ offset: true });
const ZDuration = z
  .number()
  .int()
  .min(MIN_DURATION_MINUTES)
  .max(MAX_DURATION_MINUTES)
  .describe("Expected length of the sitting in minutes");

export const ZHearingMode = z
  .enum(["online", "courtroom", "asynchronous"])
  .describe(
    "online: video hearing (互联网法院规定第十二条); courtroom: in a courtroom; asynchronous: 非同步审理",
  );
export const ZSittingMode = z
  .enum(["online", "courtroom"])
  .describe("online: video hearing (互联网法院规定第十二条); courtroom: in a physical courtroom");
export const ZHearingStatus = z
  .enum(["scheduled", "adjourned", "cancelled", "in_progress", "held"])
  .describe("Where the hearing stands");
export const ZNotPublicReason = z
  .enum(["state_secret", "personal_privacy", "law_provides", "divorce_on_request", "trade_secret_on_request"])
  .describe("民事诉讼法第一百三十七条: why the hearing is not public");
export const ZOfflineReason = z
  .enum(["identity_check", "original_documents", "physical_evidence", "not_suitable_online"])
  .describe("互联网法院规定第十二条, 在线诉讼规则第二十一条: why the court sits offline");
export const ZAdjournmentGround = z
  .enum(["absence_with_cause", "recusal_request", "further_evidence", "other"])
  .describe("民事诉讼法第一百四十九条: the ground for adjourning (items 1–4)");

export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case id") });
export const ZHearingParams = z.strictObject({ hearingId: z.uuid().describe("Hearing id") });
export const ZCourtParams = z.strictObject({ courtId: z.uuid().describe("Court id") });

export const ZScheduleHearingRequest = z.strictObject({
  mode: ZSittingMode,
  startsAt: ZInstant.describe("When the sitting begins (ISO 8601 with offset)"),
  durationMinutes: ZDuration,
  courtroomId: optionalId(
    "The courtroom (a physical one for mode courtroom; optionally an online courtroom)",
  ),
  clerkId: optionalId("The clerk (书记员) who records the hearing"),
  isPublic: z
    .boolean()
    .default(true)
    .describe("民事诉讼法第一百三十七条: public unless a reason says otherwise"),
  notPublicReason: ZNotPublicReason.nullish().transform((v) => v ?? null),
  notPublicNote: optionalText(1000).describe("Which law provides otherwise, or other particulars"),
  partyRequested: z
    .boolean()
    .default(false)
    .describe("A party asked for a private hearing (divorce, trade secrets: 第一百三十七条第二款)"),
  offlineReason: ZOfflineReason.nullish().transform((v) => v ?? null),
});
export type TScheduleHearingRequest = z.infer<typeof ZScheduleHearingRequest>;

export const ZRescheduleHearingRequest = z.strictObject({
  startsAt: ZInstant.describe("The new time of the sitting"),
  durationMinutes: ZDuration.optional(),
  courtroomId: optionalId("The courtroom; omitted keeps the current one").optional(),
  reason: text(2000).describe("Why the sitting moves"),
});
export type TRescheduleHearingRequest = z.infer<typeof ZRescheduleHearingRequest>;

export const ZAdjournHearingRequest = z.strictObject({
  ground: ZAdjournmentGround,
  reason: text(2000).describe("The reasons, as the parties are told"),
  newStartsAt: ZInstant.nullish()
    .transform((v) => v ?? null)
    .describe("The new time, or null when it is not fixed yet"),
});
export type TAdjournHearingRequest = z.infer<typeof ZAdjournHearingRequest>;

export const ZCancelHearingRequest = z.strictObject({
  reason: text(1000).describe("Why the hearing is called off (the suit was withdrawn, settled …)"),
});

export const ZAvailabilityQuery = z.strictObject({
  startsAt: ZInstant.describe("The proposed start"),
  durationMinutes: z.coerce
    .number()
    .int()
    .min(MIN_DURATION_MINUTES)
    .max(MAX_DURATION_MINUTES)
    .describe("Expected length in minutes"),
  courtroomId: z.uuid().optional().describe("The proposed courtroom"),
  clerkId: z.uuid().optional().describe("The proposed clerk"),
  hearingId: z.uuid().optional().describe("The hearing being moved (left out of its own clashes)"),
});

export const ZConflict = z.object({
  kind: z.enum(["judge", "clerk", "courtroom"]).describe("Who or what is taken"),
  hearingId: z.uuid().describe("The hearing already fixed"),
  startsAt: z.iso.datetime().describe("When it begins"),
  endsAt: z.iso.datetime().describe("When it is expected to end"),
});

export const ZAvailability = z.object({
  earliestDay: z.iso.date().describe("The first court day the summons allows (民事诉讼法第一百三十九条)"),
  isTooEarly: z.boolean().describe("The proposed start leaves the summons less than three full days"),
  conflicts: z.array(ZConflict).describe("Clashes with hearings already fixed"),
});

const ZPerson = z.object({ userId: z.uuid().describe("Account id"), name: z.string().describe("Name") });
const ZCourtroomRef = z.object({
  id: z.uuid().describe("Courtroom id"),
  nameZh: z.string().describe("Name in Chinese"),
  nameEn: z.string().describe("Name in English"),
  kind: z.enum(["physical", "online"]).describe("Physical or online courtroom"),
  locationZh: z.string().nullable().describe("Where it is, in Chinese"),
  locationEn: z.string().nullable().describe("Where it is, in English"),
});

export const ZHearing = z.object({
  id: z.uuid().describe("Hearing id"),
  caseId: z.uuid().describe("Case id"),
  courtId: z.uuid().describe("Court id"),
  caseNumber: z.string().nullable().describe("案号"),
  sitting: z.number().int().describe("The n-th hearing of the case"),
  mode: ZHearingMode,
  status: ZHearingStatus,
  startsAt: z.iso.datetime().describe("When the sitting begins"),
  endsAt: z.iso.datetime().describe("When it is expected to end"),
  durationMinutes: z.number().int().describe("Expected length in minutes"),
  courtroom: ZCourtroomRef.nullable().describe("The courtroom, if any"),
  judge: ZPerson.describe("The judge in charge"),
  clerk: ZPerson.nullable().describe("The clerk who records the hearing"),
  isPublic: z.boolean().describe("Heard in public (民事诉讼法第一百三十七条)"),
  notPublicReason: ZNotPublicReason.nullable(),
  notPublicBasis: z.string().nullable().describe("The article the private hearing rests on"),
  offlineReason: ZOfflineReason.nullable(),
  participants: z
    .array(
      z.object({
        role: z.enum(["judge", "clerk", "party", "agent"]).describe("Their part in the hearing"),
        name: z.string().describe("Name"),
        partyRole: z
          .enum(["plaintiff", "defendant", "third_party"])
          .nullable()
          .describe("The side, for parties"),
      }),
    )
    .describe("Who takes part"),
  summonses: z
    .array(
      z.object({
        id: z.uuid().describe("Summons record id"),
        partyId: z.uuid().describe("The party summoned"),
        recipientName: z.string().describe("Who it was served on"),
        recipientRole: z.enum(["party", "agent"]).describe("The party itself or its agent"),
        startsAt: z.iso.datetime().describe("The sitting time it names"),
        isCurrent: z.boolean().describe("False once a new time superseded it"),
        serviceId: z.uuid().nullable().describe("The service record (court, and the addressee only)"),
        isMine: z.boolean().describe("Served on the caller"),
        issuedAt: z.iso.datetime().describe("When it was issued and served"),
        servedAt: z.iso.datetime().nullable().describe("When service was complete; null while it is not"),
        notice: z
          .enum(["in_time", "late", "pending"])
          .describe(
            "Whether it reached its addressee at least three days before the sitting (民事诉讼法第一百三十九条): " +
              "late once served later or when it no longer can be; pending while unserved",
          ),
      }),
    )
    .describe("Summonses (传票) served for the hearing"),
  adjournments: z
    .array(
      z.object({
        ground: ZAdjournmentGround,
        basis: z.string().describe("The article"),
        reason: z.string().describe("The reasons"),
        previousStartsAt: z.iso.datetime().describe("The time that was adjourned"),
        newStartsAt: z.iso.datetime().nullable().describe("The new time, if fixed then"),
        decidedAt: z.iso.datetime().describe("When the judge adjourned"),
      }),
    )
    .describe("Adjournments (延期审理)"),
  cancelReason: z.string().nullable().describe("Why the hearing was called off"),
  actions: z
    .object({
      canReschedule: z.boolean().describe("The caller may move the sitting"),
      canAdjourn: z.boolean().describe("The caller may adjourn it"),
      canCancel: z.boolean().describe("The caller may call it off"),
    })
    .describe("What the caller may do next"),
});
export type THearing = z.infer<typeof ZHearing>;

export const ZCaseHearings = z.object({
  items: z.array(ZHearing).describe("The case's hearings, latest first"),
  canSchedule: z.boolean().describe("The caller may fix a new hearing"),
});

export const ZCalendarQuery = z.strictObject({
  from: z.iso.date().describe("First court day (YYYY-MM-DD)"),
  days: z.coerce.number().int().min(1).max(31).default(7).describe("How many days"),
});

export const ZCalendarEntry = z.object({
  id: z.uuid().describe("Hearing id"),
  caseId: z.uuid().nullable().describe("The case, when the caller may see it"),
  caseNumber: z.string().nullable().describe("案号, when the caller may see the case"),
  startsAt: z.iso.datetime().describe("Start"),
  endsAt: z.iso.datetime().describe("Expected end"),
  mode: ZHearingMode,
  status: ZHearingStatus,
  isPublic: z.boolean().describe("Heard in public"),
  courtroom: ZCourtroomRef.nullable().describe("The courtroom"),
  judge: ZPerson.describe("The judge"),
  clerk: ZPerson.nullable().describe("The clerk"),
});

export const ZCourtCalendar = z.object({
  from: z.iso.date().describe("First court day"),
  to: z.iso.date().describe("Last court day"),
  items: z.array(ZCalendarEntry).describe("Hearings by time"),
});

export const ZHearingResources = z.object({
  isInternetCourt: z.boolean().describe("An Internet court hears online (互联网法院规定第十二条)"),
  courtrooms: z.array(ZCourtroom).describe("Active courtrooms"),
  clerks: z.array(ZPerson).describe("The court's clerks"),
  judges: z.array(ZPerson).describe("The court's judges"),
});

export const ZAnnouncementQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("How many"),
});

export const ZAnnouncement = z.object({
  hearingId: z.uuid().describe("Hearing id"),
  caseNumber: z.string().nullable().describe("案号"),
  causeNameZh: z.string().nullable().describe("案由"),
  causeNameEn: z.string().nullable().describe("Cause of action"),
  partiesZh: z.string().describe("当事人 (natural persons by surname only)"),
  partiesEn: z.string().describe("Parties (natural persons by surname only)"),
  startsAt: z.iso.datetime().describe("Time of the hearing"),
  mode: ZHearingMode,
  placeZh: z.string().describe("Place, in Chinese"),
  placeEn: z.string().describe("Place, in English"),
});

export const ZAnnouncements = z.object({
  items: z.array(ZAnnouncement).describe("开庭公告: upcoming public hearings (民事诉讼法第一百三十九条)"),
});
