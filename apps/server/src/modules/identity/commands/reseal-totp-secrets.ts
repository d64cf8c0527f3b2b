import type { Kysely } from "kysely";
import { inTransaction, writeAuditEvent, type CommandMeta, type DB } from "../../../platform";
import {
  findTotpSecretsNotUnder,
  replaceTotpSecret,
  validateSealedTotpConstraint,
} from "../identity.repository";
import type { SecretBox } from "../../../platform/ports/index";
import { TotpSecretBox } from "../totp-secrets";

/**
 * Seals every stored TOTP secret under the box's current key: clear secrets left by versions before
 * encryption at rest and, unless `onlyClear`, envelopes of older keys (key rotation). One transaction
 * with one audit event. Throws `totp_key_unavailable` when an old envelope's key is not configured.
 */
export async function resealTotpSecrets(
  db: Kysely<DB>,
  box: SecretBox,
  meta: CommandMeta,
  options: { onlyClear: boolean },
): Promise<{ sealedClear: number; reencrypted: number }> {
  return inTransaction(db, async (trx) => {
    const rows = await findTotpSecretsNotUnder(trx, box.currentKeyId);
    let sealedClear = 0;
    let reencrypted = 0;
    for (const row of rows) {
      const isClear = !TotpSecretBox.isSealed(row.totp_secret);
      if (!isClear && options.onlyClear) continue;
      const secret = isClear ? row.totp_secret : box.open(row.totp_secret, row.id);
      if (await replaceTotpSecret(trx, row.id, row.totp_secret, box.seal(secret, row.id))) {
        if (isClear) sealedClear += 1;
        else reencrypted += 1;
      }
    }
    await validateSealedTotpConstraint(trx);
    if (sealedClear + reencrypted > 0) {
      await writeAuditEvent(trx, meta, {
        action: "identity.totp_secrets_resealed",
        subjectType: "totp_key",
        subjectId: box.currentKeyId,
        data: { sealedClear, reencrypted },
      });
    }
    return { sealedClear, reencrypted };
  });
}
