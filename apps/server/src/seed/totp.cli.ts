import { decodeBase32, totpCode } from "../modules/identity/index";
import { DEMO_TOTP_SECRET } from "./demo-seed";

/** `netcourt totp [SECRET]`: prints the current 6-digit code, for demo staff sign-in. */
export async function runTotpCommand(argv: string[]): Promise<number> {
  const secret = decodeBase32(argv[0] ?? DEMO_TOTP_SECRET);
  if (!secret) {
    process.stderr.write("not a base32 secret\n");
    return 2;
  }
  process.stdout.write(`${totpCode(secret, new Date())}\n`);
  return 0;
}
