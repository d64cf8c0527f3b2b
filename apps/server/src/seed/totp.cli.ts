import { decodeBase32, totpCode } from "../modules/identity/index";
import { offsetClock } from "../platform/clock";
import { parseClockOffset } from "../platform/config";
import { DEMO_TOTP_SECRET } from "./demo-seed";

/**
 * `netcourt totp [SECRET]`: prints the current 6-digit code, for demo staff sign-in; at the server's
 * moved time when CLOCK_OFFSET is set (a training court, docs/deploy.md §15).
 */
export async function runTotpCommand(argv: string[]): Promise<number> {
  const secret = decodeBase32(argv[0] ?? DEMO_TOTP_SECRET);
  if (!secret) {
    process.stderr.write("not a base32 secret\n");
    return 2;
  }
  const offset = parseClockOffset(process.env.CLOCK_OFFSET?.trim() || "0");
  if (offset === null) {
    process.stderr.write("CLOCK_OFFSET: a number of days (20) or a duration such as P20D\n");
    return 2;
  }
  process.stdout.write(`${totpCode(secret, offsetClock(offset).now())}\n`);
  return 0;
}
