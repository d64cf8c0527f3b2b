import type { Kysely } from "kysely";
import type { Clock, DB, Executor, FileStore, StaffMembership } from "../../platform";
import type { RealNameVerifier, SecretBox } from "../../platform/ports/index";

/** What the identity commands need from the application: database, clock, files, ports, courts. */
export interface IdentityDependencies {
  db: Kysely<DB>;
  clock: Clock;
  files: FileStore;
  verifier: RealNameVerifier;
  /** Seals and opens TOTP secrets at rest. */
  totpSecrets: SecretBox;
  /** Active staff memberships of an account (the courts context owns them). */
  findMemberships(db: Executor, userId: string): Promise<StaffMembership[]>;
  /** Code and names of courts, to label memberships (the courts context owns the registry). */
  findCourtLabels(db: Executor, courtIds: readonly string[]): Promise<CourtLabel[]>;
}

/** A court as an account's memberships name it. */
export interface CourtLabel {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}
