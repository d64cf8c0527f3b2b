import { residentIdCheckCharacter } from "@netcourt/shared/identity-checks";

let sequence = 0;

/**
 * A resident ID number with a valid GB 11643 check digit: region 330106 (杭州市西湖区), the given
 * birth date, and a sequence code that differs on each call (odd last digit = male, as GB 11643 §5.3).
 */
export function residentIdNumber(birthDate = "1990-03-07", sex: "male" | "female" = "male"): string {
  sequence = (sequence + 1) % 50;
  const order = String(100 + sequence * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const first17 = `330106${birthDate.replaceAll("-", "")}${order}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A mainland mobile number unlikely to repeat between runs (139 + 8 digits from the clock). */
export function uniquePhone(): string {
  const tail = String(Date.now() * 10 + (sequence++ % 10)).slice(-8);
  return `139${tail}`;
}
