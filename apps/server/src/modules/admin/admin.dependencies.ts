import type { Kysely } from "kysely";
import type { DB } from "../../platform";
import type { SecretBox } from "../../platform/ports/index";

/** What court administration needs: the database, the TOTP key box and the public address for links. */
export interface AdminDependencies {
  db: Kysely<DB>;
  totpSecrets: SecretBox;
  /** PUBLIC_URL: invitation links point there. */
  publicUrl: string;
}
