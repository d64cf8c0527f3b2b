// China's public holidays and adjusted working days (调休上班), one entry per year, as published in
// the State Council General Office's yearly notice (国务院办公厅关于××年部分节假日安排的通知).
//
// Dates are ISO `YYYY-MM-DD` calendar days in Asia/Shanghai. `daysOff` is the whole block the notice
// gives off (including any Saturday or Sunday inside it); `statutoryDays` are the days named by
// 全国年节及纪念日放假办法 第二条 (2013 text for 2024; 2024 revision, in force 2025-01-01, after that);
// `workdays` are the weekend days the notice turns into working days.
//
// A year marked `provisional` has no published notice yet: its days off are derived from the
// 放假办法 alone (第二条 the statutory days, 第六条 a statutory day falling on a Saturday or Sunday is
// made up on the following working days) and it has no adjusted working days. Replace it with the
// official arrangement as soon as the notice is published.

export interface HolidayArrangement {
  nameZh: string;
  nameEn: string;
  /** Days named by 全国年节及纪念日放假办法 第二条. */
  statutoryDays: readonly string[];
  /** First and last day of the block given off (inclusive). */
  daysOff: { from: string; to: string };
  /** Saturdays or Sundays that are working days because of this holiday (调休上班). */
  workdays: readonly string[];
}

export interface HolidayNotice {
  titleZh: string;
  titleEn: string;
  /** Document number (文号), or null where it has not been verified. */
  number: string | null;
  /** Date of issue. */
  issuedOn: string | null;
}

export interface HolidayYear {
  year: number;
  /** True when no official notice exists yet and the days were derived from the 放假办法. */
  provisional: boolean;
  notice: HolidayNotice | null;
  note?: string;
  holidays: readonly HolidayArrangement[];
}

const NEW_YEAR = { nameZh: "元旦", nameEn: "New Year's Day" } as const;
const SPRING_FESTIVAL = { nameZh: "春节", nameEn: "Spring Festival" } as const;
const QINGMING = { nameZh: "清明节", nameEn: "Qingming Festival" } as const;
const LABOUR_DAY = { nameZh: "劳动节", nameEn: "Labour Day" } as const;
const DRAGON_BOAT = { nameZh: "端午节", nameEn: "Dragon Boat Festival" } as const;
const MID_AUTUMN = { nameZh: "中秋节", nameEn: "Mid-Autumn Festival" } as const;
const NATIONAL_DAY = { nameZh: "国庆节", nameEn: "National Day" } as const;

export const HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2024,
    provisional: false,
    notice: {
      titleZh: "国务院办公厅关于2024年部分节假日安排的通知",
      titleEn: "General Office of the State Council: notice on the 2024 holiday arrangements",
      number: "国办发明电〔2023〕7号",
      issuedOn: "2023-10-25",
    },
    holidays: [
      // "1月1日放假，与周末连休" — 30 and 31 December 2023 were the weekend before it.
      {
        ...NEW_YEAR,
        statutoryDays: ["2024-01-01"],
        daysOff: { from: "2024-01-01", to: "2024-01-01" },
        workdays: [],
      },
      {
        ...SPRING_FESTIVAL,
        statutoryDays: ["2024-02-10", "2024-02-11", "2024-02-12"],
        daysOff: { from: "2024-02-10", to: "2024-02-17" },
        workdays: ["2024-02-04", "2024-02-18"],
      },
      {
        ...QINGMING,
        statutoryDays: ["2024-04-04"],
        daysOff: { from: "2024-04-04", to: "2024-04-06" },
        workdays: ["2024-04-07"],
      },
      {
        ...LABOUR_DAY,
        statutoryDays: ["2024-05-01"],
        daysOff: { from: "2024-05-01", to: "2024-05-05" },
        workdays: ["2024-04-28", "2024-05-11"],
      },
      // "6月10日放假，与周末连休".
      {
        ...DRAGON_BOAT,
        statutoryDays: ["2024-06-10"],
        daysOff: { from: "2024-06-08", to: "2024-06-10" },
        workdays: [],
      },
      {
        ...MID_AUTUMN,
        statutoryDays: ["2024-09-17"],
        daysOff: { from: "2024-09-15", to: "2024-09-17" },
        workdays: ["2024-09-14"],
      },
      {
        ...NATIONAL_DAY,
        statutoryDays: ["2024-10-01", "2024-10-02", "2024-10-03"],
        daysOff: { from: "2024-10-01", to: "2024-10-07" },
        workdays: ["2024-09-29", "2024-10-12"],
      },
    ],
  },
  {
    year: 2025,
    provisional: false,
    notice: {
      titleZh: "国务院办公厅关于2025年部分节假日安排的通知",
      titleEn: "General Office of the State Council: notice on the 2025 holiday arrangements",
      number: "国办发明电〔2024〕12号",
      issuedOn: "2024-11-12",
    },
    holidays: [
      {
        ...NEW_YEAR,
        statutoryDays: ["2025-01-01"],
        daysOff: { from: "2025-01-01", to: "2025-01-01" },
        workdays: [],
      },
      {
        ...SPRING_FESTIVAL,
        statutoryDays: ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
        daysOff: { from: "2025-01-28", to: "2025-02-04" },
        workdays: ["2025-01-26", "2025-02-08"],
      },
      {
        ...QINGMING,
        statutoryDays: ["2025-04-04"],
        daysOff: { from: "2025-04-04", to: "2025-04-06" },
        workdays: [],
      },
      {
        ...LABOUR_DAY,
        statutoryDays: ["2025-05-01", "2025-05-02"],
        daysOff: { from: "2025-05-01", to: "2025-05-05" },
        workdays: ["2025-04-27"],
      },
      {
        ...DRAGON_BOAT,
        statutoryDays: ["2025-05-31"],
        daysOff: { from: "2025-05-31", to: "2025-06-02" },
        workdays: [],
      },
      {
        nameZh: "国庆节、中秋节",
        nameEn: "National Day and Mid-Autumn Festival",
        statutoryDays: ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06"],
        daysOff: { from: "2025-10-01", to: "2025-10-08" },
        workdays: ["2025-09-28", "2025-10-11"],
      },
    ],
  },
  {
    year: 2026,
    provisional: false,
    notice: {
      titleZh: "国务院办公厅关于2026年部分节假日安排的通知",
      titleEn: "General Office of the State Council: notice on the 2026 holiday arrangements",
      number: null,
      issuedOn: "2025-11-04",
    },
    holidays: [
      {
        ...NEW_YEAR,
        statutoryDays: ["2026-01-01"],
        daysOff: { from: "2026-01-01", to: "2026-01-03" },
        workdays: ["2026-01-04"],
      },
      {
        ...SPRING_FESTIVAL,
        statutoryDays: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19"],
        daysOff: { from: "2026-02-15", to: "2026-02-23" },
        workdays: ["2026-02-14", "2026-02-28"],
      },
      {
        ...QINGMING,
        statutoryDays: ["2026-04-05"],
        daysOff: { from: "2026-04-04", to: "2026-04-06" },
        workdays: [],
      },
      {
        ...LABOUR_DAY,
        statutoryDays: ["2026-05-01", "2026-05-02"],
        daysOff: { from: "2026-05-01", to: "2026-05-05" },
        workdays: ["2026-05-09"],
      },
      {
        ...DRAGON_BOAT,
        statutoryDays: ["2026-06-19"],
        daysOff: { from: "2026-06-19", to: "2026-06-21" },
        workdays: [],
      },
      {
        ...MID_AUTUMN,
        statutoryDays: ["2026-09-25"],
        daysOff: { from: "2026-09-25", to: "2026-09-27" },
        workdays: [],
      },
      {
        ...NATIONAL_DAY,
        statutoryDays: ["2026-10-01", "2026-10-02", "2026-10-03"],
        daysOff: { from: "2026-10-01", to: "2026-10-07" },
        workdays: ["2026-09-20", "2026-10-10"],
      },
    ],
  },
  {
    year: 2027,
    provisional: true,
    notice: null,
    note:
      "Derived from 全国年节及纪念日放假办法 (2024) 第二条 and 第六条 with the 2027 lunar dates " +
      "(除夕 02-05, 春节 02-06, 清明 04-05, 端午 06-09, 中秋 09-15). No 调休 working days: replace with " +
      "the State Council's 2027 arrangement when it is published.",
    holidays: [
      {
        ...NEW_YEAR,
        statutoryDays: ["2027-01-01"],
        daysOff: { from: "2027-01-01", to: "2027-01-01" },
        workdays: [],
      },
      // 除夕 Fri 02-05 to 初三 Mon 02-08; Sat 02-06 and Sun 02-07 made up on Tue 02-09 and Wed 02-10.
      {
        ...SPRING_FESTIVAL,
        statutoryDays: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
        daysOff: { from: "2027-02-05", to: "2027-02-10" },
        workdays: [],
      },
      {
        ...QINGMING,
        statutoryDays: ["2027-04-05"],
        daysOff: { from: "2027-04-05", to: "2027-04-05" },
        workdays: [],
      },
      // Sat 05-01 and Sun 05-02 made up on Mon 05-03 and Tue 05-04.
      {
        ...LABOUR_DAY,
        statutoryDays: ["2027-05-01", "2027-05-02"],
        daysOff: { from: "2027-05-01", to: "2027-05-04" },
        workdays: [],
      },
      {
        ...DRAGON_BOAT,
        statutoryDays: ["2027-06-09"],
        daysOff: { from: "2027-06-09", to: "2027-06-09" },
        workdays: [],
      },
      {
        ...MID_AUTUMN,
        statutoryDays: ["2027-09-15"],
        daysOff: { from: "2027-09-15", to: "2027-09-15" },
        workdays: [],
      },
      // Fri 10-01 to Sun 10-03; Sat 10-02 and Sun 10-03 made up on Mon 10-04 and Tue 10-05.
      {
        ...NATIONAL_DAY,
        statutoryDays: ["2027-10-01", "2027-10-02", "2027-10-03"],
        daysOff: { from: "2027-10-01", to: "2027-10-05" },
        workdays: [],
      },
    ],
  },
];
