import type { Kysely } from "kysely";
import { inTransaction, systemMeta, writeAuditEvent, type CommandMeta, type DB } from "../../platform";
import type { WitnessConfig } from "./ledger.config";
import { insertInitialPolicy, readPolicy, savePolicy, type PolicyRow } from "./ledger.repository";

/**
 * The log's trust policy: the witnesses it asks (key name and cosignature key) and how many of them
 * must cosign before a checkpoint is published. It belongs to the log, not to a server — a verifier
 * trusts the log's checkpoints under one policy (c2sp.org/tlog-witness: the log's witnesses and
 * quorum are what clients check) — so it is kept in the database beside the log.
 */
export type TrustPolicy = PolicyRow;

/** The policy a server's configuration describes (witness URLs are the server's own affair). */
export function configuredPolicy(config: {
  witnesses: readonly WitnessConfig[];
  quorum: number;
}): TrustPolicy {
  return { witnesses: config.witnesses.map((w) => ({ name: w.name, vkey: w.vkey })), quorum: config.quorum };
}

/** The first difference between the log's policy and a server's, as one line; undefined when they agree. */
export function policyDifference(log: TrustPolicy, configured: TrustPolicy): string | undefined {
  const configuredByName = new Map(configured.witnesses.map((w) => [w.name, w.vkey]));
  const logByName = new Map(log.witnesses.map((w) => [w.name, w.vkey]));
  for (const witness of log.witnesses) {
    const vkey = configuredByName.get(witness.name);
    if (vkey === undefined)
      return `LEDGER_WITNESSES lacks the log's witness ${witness.name} (${witness.vkey})`;
    if (vkey !== witness.vkey)
      return `LEDGER_WITNESSES gives witness ${witness.name} the key ${vkey}, the log has ${witness.vkey}`;
  }
  for (const witness of configured.witnesses) {
    if (!logByName.has(witness.name))
      return `LEDGER_WITNESSES names ${witness.name}, which is not one of the log's witnesses`;
  }
  if (log.quorum !== configured.quorum)
    return `LEDGER_WITNESS_QUORUM is ${configured.quorum}, the log's quorum is ${log.quorum}`;
  return undefined;
}

/**
 * The log's policy: recorded from this server's configuration when the log has none (its first start),
 * else the stored one, which the configuration must match — a server that would publish under another
 * policy refuses to start.
 */
export async function establishTrustPolicy(
  db: Kysely<DB>,
  configured: TrustPolicy,
  now: Date,
): Promise<TrustPolicy> {
  const policy = await inTransaction(db, async (trx) => {
    if (await insertInitialPolicy(trx, { ...configured, now })) {
      await writeAuditEvent(trx, systemMeta("ledger", now), {
        action: "ledger.policy_recorded",
        subjectType: "ledger_policy",
        subjectId: "1",
        data: { ...configured },
      });
    }
    return readPolicy(trx);
  });
  if (!policy) throw new Error("ledger policy row is missing");
  const difference = policyDifference(policy, configured);
  if (difference) throw new Error(`ledger trust policy differs from the log's: ${difference}`);
  return policy;
}

/**
 * Replaces the log's policy with `next` (enrolling or removing a witness, changing the quorum): one
 * transaction with its audit event. Servers still configured with the old policy stop publishing
 * checkpoints at once and refuse to start again; restart every server with the new configuration.
 */
export async function replaceTrustPolicy(
  db: Kysely<DB>,
  next: TrustPolicy,
  meta: CommandMeta,
): Promise<{ previous: TrustPolicy | undefined; policy: TrustPolicy }> {
  if (next.quorum > next.witnesses.length) throw new Error("the quorum exceeds the number of witnesses");
  return inTransaction(db, async (trx) => {
    const previous = await readPolicy(trx);
    await savePolicy(trx, { ...next, now: meta.now });
    await writeAuditEvent(trx, meta, {
      action: "ledger.policy_changed",
      subjectType: "ledger_policy",
      subjectId: "1",
      data: { previous: previous ?? null, policy: { ...next } },
    });
    return { previous, policy: next };
  });
}
