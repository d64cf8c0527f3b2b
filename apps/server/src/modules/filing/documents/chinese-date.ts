const DIGITS = "〇一二三四五六七八九";

function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${units === 0 ? "" : DIGITS[units]}`;
}

/** A court date as written on Chinese judicial documents: 二〇二六年三月二日. */
export function chineseDocumentDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  const yearText = [...year!].map((d) => DIGITS[Number(d)]).join("");
  return `${yearText}年${smallNumber(Number(month))}月${smallNumber(Number(day))}日`;
}
