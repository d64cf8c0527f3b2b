// The identity context's public surface: what the composition root and other contexts may use.
export { loadActor } from "./load-actor";
export { registerIdentityRoutes, type IdentityCourtsPort } from "./identity.routes";
export { createAccount, type CreateAccountInput } from "./commands/create-account";
export { findUserSummaries, type UserSummary } from "./identity.queries";
export type { RealNameCheck, RealNameResult, RealNameVerifier } from "./identity.ports";
export { HttpRealNameVerifier } from "./adapters/http-real-name-verifier";
export {
  SIMULATOR_ERROR_NAME,
  SIMULATOR_MISMATCH_NAME,
  SimulatedRealNameVerifier,
} from "./adapters/simulated-real-name-verifier";
export { decodeBase32, totpCode } from "./totp";
