import {
  addCosignatures,
  createVerifier,
  formatAddCheckpointRequest,
  parseNote,
  type NoteSignature,
  type NoteVerifier,
} from "@netcourt/ledger";
import type { WitnessConfig } from "./ledger.config";

/** A witness's answer to one checkpoint. */
export type WitnessAnswer =
  | { name: string; ok: true; signatures: NoteSignature[]; size: number }
  | { name: string; ok: false; error: string; size?: number };

const MAX_CONFLICTS = 3;

/**
 * The log's side of c2sp.org/tlog-witness: sends add-checkpoint with a consistency proof from the size
 * the witness last cosigned, re-sends from the witness's own size on 409 (tessera PR #799: a witness
 * that missed a checkpoint lags), and keeps only the cosignature of the configured key (tessera PR #500).
 */
export class WitnessClient {
  readonly #verifiers = new Map<string, NoteVerifier>();

  constructor(
    readonly witnesses: readonly WitnessConfig[],
    readonly options: { timeoutMs: number; fetch?: typeof fetch },
  ) {
    for (const w of witnesses) this.#verifiers.set(w.name, createVerifier(w.vkey));
  }

  /** The cosignature verifiers of the configured witnesses. */
  get verifiers(): NoteVerifier[] {
    return [...this.#verifiers.values()];
  }

  /**
   * Asks one witness to cosign `note` (a checkpoint of `size` leaves signed by the log), starting from
   * `knownSize`; `proofFrom(old)` gives the consistency proof old → size. Never throws.
   */
  async cosign(
    witness: WitnessConfig,
    note: string,
    size: number,
    knownSize: number,
    proofFrom: (oldSize: number) => Promise<Uint8Array[]>,
  ): Promise<WitnessAnswer> {
    const verifier = this.#verifiers.get(witness.name)!;
    const doFetch = this.options.fetch ?? fetch;
    let old = knownSize;
    let lastSize: number | undefined;
    try {
      for (let attempt = 0; attempt <= MAX_CONFLICTS; attempt++) {
        if (old > size) {
          // The witness cosigned a larger tree than the log has: never roll it back (possible fork or
          // a restored backup). Only an operator can resolve this.
          return {
            name: witness.name,
            ok: false,
            error: `witness has cosigned size ${old} > ${size}`,
            size: old,
          };
        }
        const proof = old === 0 || old === size ? [] : await proofFrom(old);
        const response = await doFetch(`${witness.url.replace(/\/$/, "")}/add-checkpoint`, {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8" },
          body: formatAddCheckpointRequest({ oldSize: old, proof, checkpoint: note }),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        const body = await response.text();
        if (response.status === 200) {
          const cosigned = parseNote(addCosignatures(note, body, [verifier]));
          const signatures = cosigned.signatures.filter(
            (s) => s.name === verifier.name && s.keyId === verifier.keyId >>> 0,
          );
          return { name: witness.name, ok: true, signatures, size };
        }
        if (response.status === 409) {
          const match = /^(0|[1-9][0-9]*)\n$/.exec(body);
          if (!match) return { name: witness.name, ok: false, error: "409 without a size" };
          lastSize = Number(match[1]);
          if (lastSize === old)
            return { name: witness.name, ok: false, error: "409 for its own size", size: old };
          old = lastSize;
          continue;
        }
        return {
          name: witness.name,
          ok: false,
          error: `${response.status} ${body.slice(0, 200)}`,
          ...(lastSize === undefined ? {} : { size: lastSize }),
        };
      }
      return { name: witness.name, ok: false, error: "too many conflicts", size: old };
    } catch (error) {
      return {
        name: witness.name,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        ...(lastSize === undefined ? {} : { size: lastSize }),
      };
    }
  }
}
