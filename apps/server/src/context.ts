import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AppConfig, Clock, Database, DB, FileStore } from "./platform";
import type {
  EmailSender,
  Ledger,
  PaymentGateway,
  RealNameVerifier,
  SecretBox,
  SmsSender,
  SpeechRecognizer,
} from "./platform/ports/index";

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
  totpSecrets: SecretBox;
}

/** Outside systems, each behind a port with a local simulator (DESIGN.md: adapters). */
export interface AppPorts {
  /** Court-fee payment gateway. */
  payment: PaymentGateway;
  /** Face / ID verification service; absent means the configured default (see identity.ports.ts). */
  realNameVerifier?: RealNameVerifier;
  /** SMS gateway of electronic service (送达短信). */
  sms: SmsSender;
  /** Mail server of electronic service (送达邮件). */
  email: EmailSender;
  /** Speech recognition of hearing transcripts (庭审语音识别). */
  speech: SpeechRecognizer;
}
