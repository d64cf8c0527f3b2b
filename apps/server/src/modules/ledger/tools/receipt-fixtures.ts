// Receipts of an in-memory log with witnesses, for the tests of `netcourt verify` and `ledger monitor`.
// Leaves are built with the product's own leaf format (ledger.leaves), so the verifier is checked
// against what the server writes.
import {
  SignatureType,
  cosignCheckpoint,
  createCosigner,
  ed25519VerifierKey,
  formatVerifierKey,
  parseNote,
  parseVerifierKey,
  sha256,
  toBase64,
  toHex,
  utf8,
  type NoteSigner,
} from "@netcourt/ledger";
import {
  commitmentOf,
  encodeLeaf,
  encodeOpening,
  type DepositLeaf,
  type DepositOpening,
} from "../ledger.leaves";
import { MemoryLog } from "./memory-log";

export interface FixtureWitness {
  name: string;
  vkey: string;
  cosigner: NoteSigner;
}

const seedOf = (n: number) => new Uint8Array(32).fill(n);

/** A witness with a fixed key and clock. */
export function fixtureWitness(name: string, n: number, clock = () => 1_772_413_200): FixtureWitness {
  const { publicKey } = parseVerifierKey(ed25519VerifierKey(name, seedOf(n)));
  return {
    name,
    vkey: formatVerifierKey(name, SignatureType.cosignatureV1, publicKey),
    cosigner: createCosigner(name, seedOf(n), clock),
  };
}

/** Adds the witnesses' cosignature lines to a signed checkpoint note. */
export function cosign(note: string, witnesses: readonly FixtureWitness[]): string {
  const { text } = parseNote(note);
  return note + witnesses.map((w) => cosignCheckpoint(text, w.cosigner)).join("");
}

/** A log of `before` unrelated entries, one deposit of `file`, then `after` more entries. */
export function buildReceiptFixture(
  options: { file?: Uint8Array; before?: number; after?: number; cosigners?: number } = {},
) {
  const log = new MemoryLog("court.test/ledger", seedOf(1));
  const witnesses = [
    fixtureWitness("notary.test", 11),
    fixtureWitness("arbitration.test", 12),
    fixtureWitness("ca.test", 13),
  ];
  const file = options.file ?? utf8("购物合同 PDF — order 20260302-0001\n");
  for (let i = 0; i < (options.before ?? 300); i++) log.append(utf8(`court event ${i}`));
  const opening: DepositOpening = {
    title: "网购合同",
    occurredAt: "2026-03-01T08:00:00.000Z",
    metadata: { order: "20260302-0001" },
    salt: "00112233445566778899aabbccddeeff",
  };
  const leaf: DepositLeaf = {
    type: "deposit",
    v: 1,
    sha256: toHex(sha256(file)),
    kind: "contract",
    platform: toHex(sha256(utf8("platform key"))),
    depositedAt: "2026-03-02T01:00:00.000Z",
    commitment: commitmentOf(encodeOpening(opening)),
  };
  const entry = encodeLeaf(leaf);
  const index = log.append(entry);
  for (let i = 0; i < (options.after ?? 20); i++) log.append(utf8(`later event ${i}`));
  const size = log.size;
  const checkpoint = cosign(log.checkpoint(size), witnesses.slice(0, options.cosigners ?? 2));
  log.published = checkpoint;
  const receipt = {
    index,
    sha256: leaf.sha256,
    isNew: false,
    leaf,
    leafHash: toBase64(log.leafHashes[index]!),
    opening,
    inclusionProof: log.inclusion(index, size).map(toBase64),
    treeSize: size,
    checkpoint,
    receiptUrl: `/api/ledger/deposits/${index}/receipt`,
  };
  const policy = [
    `log ${log.vkey}`,
    ...witnesses.map((w) => `witness ${w.name} ${w.vkey}`),
    `group witnesses 2 ${witnesses.map((w) => w.name).join(" ")}`,
    "quorum witnesses",
    "",
  ].join("\n");
  return { log, witnesses, file, leaf, entry, index, receipt, policy, opening };
}
