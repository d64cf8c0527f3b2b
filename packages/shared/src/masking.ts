// How identity numbers are shown to people who may know who someone is but not their number
// (个人信息保护法第二十八条: an ID number is sensitive personal information, shown only where needed).

/** Shows the first four and the last four characters only: 1101**********002X. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${"*".repeat(Math.max(0, idNumber.length - 8))}${idNumber.slice(-4)}`;
}
