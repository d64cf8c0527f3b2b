// The identity context's public surface: what the composition root and other contexts may use.
export { loadActor } from "./load-actor";
export { registerIdentityRoutes, type IdentityCourtsPort } from "./identity.routes";
export { createAccount, type CreateAccountInput } from "./commands/create-account";
export { validateCreditCode, validateMobilePhone, type CreditCodeResult } from "./identity.rules";
export {
  findAccountByContact,
  findAccountIdentity,
  findActiveAccountNames,
  findUserSummaries,
  findVerifiedAccountIdsByIdentity,
  type UserSummary,
} from "./identity.queries";
export type { RealNameCheck, RealNameResult, RealNameVerifier } from "./identity.ports";
export { realNameVerifierFromEnv } from "./identity.ports";
export { HttpRealNameVerifier } from "./adapters/http-real-name-verifier";
export {
  SIMULATOR_ERROR_NAME,
  SIMULATOR_MISMATCH_NAME,
  SimulatedRealNameVerifier,
} from "./adapters/simulated-real-name-verifier";
export { decodeBase32, totpCode } from "./totp";
export {
  GENERATED_KEY_FILE,
  TotpSecretBox,
  loadTotpSecretBox,
  parseTotpKeys,
  prependTotpKey,
  totpKeyId,
} from "./totp-secrets";
export { resealTotpSecrets } from "./commands/reseal-totp-secrets";
export {
  checkEnrolment,
  completeEnrolment,
  createInvitedAccount,
  findPendingEnrolment,
  issueEnrolmentCredentials,
} from "./commands/enrol-invited-account";
export { TOTP_ISSUER } from "./commands/set-up-totp";
export { otpauthUrl } from "./totp";
export { setSessionCookies } from "./identity.routes";
export type { SignedIn } from "./commands/sign-in";
