import type { Kysely } from "kysely";
import type { Clock, DB, Executor, FileStore, StaffMembership } from "../../platform";
import type { RealNameVerifier } from "./identity.ports";
import type { TotpSecretBox } from "./totp-secrets";

/** What the identity commands need from the application: database, clock, files, ports, courts. */
export interface IdentityDependencies {
  db: Kysely<DB>;
  clock: Clock;
  files: FileStore;
  verifier: RealNameVerifier;
  /** Seals and opens TOTP secrets at rest. */
  totpSecrets: TotpSecretBox;
  /** Active staff memberships of an account (the courts context owns them). */
  findMemberships(db: Executor, userId: string): Promise<StaffMembership[]>;
}
