import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { PaymentGateway } from "./modules/filing/index";
import type { RealNameVerifier, TotpSecretBox } from "./modules/identity/index";
import type { Ledger } from "./modules/ledger/index";
import type { AppConfig, Clock, Database, DB, FileStore } from "./platform";

/**
 * The long-lived services every command and route can use. Ports to the outside world are wired in
 * app.ts; simulators are the default.
 */
export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  files: FileStore;
  log: Logger;
  ports: AppPorts;
  /** The evidence ledger: sequencer, checkpoints, witnesses and tiles (modules/ledger). */
  ledger: Ledger;
  /** Seals and opens TOTP secrets at rest (modules/identity/totp-secrets.ts). */
  totpSecrets: TotpSecretBox;
}

/** Outside systems, each behind a port with a local simulator (DESIGN.md: adapters). */
export interface AppPorts {
  /** Court-fee payment gateway. */
  payment: PaymentGateway;
  /** Face / ID verification service; absent means the configured default (see identity.ports.ts). */
  realNameVerifier?: RealNameVerifier;
}
