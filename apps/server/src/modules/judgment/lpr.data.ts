// The one-year loan prime rate (一年期贷款市场报价利率, LPR) as published by the National Interbank
// Funding Center (全国银行间同业拆借中心) under the authority of the People's Bank of China, on the
// 20th of each month (the next working day when the 20th is not one) from 2019-08-20 (中国人民银行公告
// 〔2019〕第15号). This is the rate 民间借贷规定第二十五条第二款 names. Source: the NIFC's LPR release
// (www.chinamoney.com.cn, 贷款市场报价利率) and the PBOC's monthly announcements.
//
// Only the publications at which the one-year figure changed are listed: every monthly publication in
// between repeated the figure before it, so the rate on a day is the figure of the latest row on or
// before that day. A publication is in force from its own date.
//
// The table has been checked against the publications up to and including 2025-10-20; a date from
// LPR_TABLE_VALID_THROUGH on is refused rather than answered with a figure nobody has checked. To
// extend it, add the rows that changed and move LPR_TABLE_VALID_THROUGH to the day before the first
// publication not yet checked.

export interface LprPublication {
  /** ISO date of the publication from which the figure applies. */
  publishedOn: string;
  /** Annual rate in percent as published ("4.25" = 4.25 %). */
  ratePercent: string;
}

export const ONE_YEAR_LPR: readonly LprPublication[] = [
  { publishedOn: "2019-08-20", ratePercent: "4.25" },
  { publishedOn: "2019-09-20", ratePercent: "4.20" },
  { publishedOn: "2019-11-20", ratePercent: "4.15" },
  { publishedOn: "2020-02-20", ratePercent: "4.05" },
  { publishedOn: "2020-04-20", ratePercent: "3.85" },
  { publishedOn: "2021-12-20", ratePercent: "3.80" },
  { publishedOn: "2022-01-20", ratePercent: "3.70" },
  { publishedOn: "2022-08-22", ratePercent: "3.65" },
  { publishedOn: "2023-06-20", ratePercent: "3.55" },
  { publishedOn: "2023-08-21", ratePercent: "3.45" },
  { publishedOn: "2024-07-22", ratePercent: "3.35" },
  { publishedOn: "2024-10-21", ratePercent: "3.10" },
  { publishedOn: "2025-05-20", ratePercent: "3.00" },
];

/** The first day of the LPR regime (民间借贷规定第二十五条第二款: 自2019年8月20日起每月发布). */
export const LPR_FIRST_PUBLICATION = "2019-08-20";

/** The last day the table answers for: the day before the first publication not yet checked (2025-11-20). */
export const LPR_TABLE_VALID_THROUGH = "2025-11-19";
