import { z } from "zod";
import { canonicalJson } from "./ledger.leaves";
import { MAX_DEPOSITS_PER_REQUEST } from "./ledger.rules";

export const ZHex64 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits")
  .describe("SHA-256, lowercase hex");
const ZBase64Hash = z.string().describe("32-byte hash, standard base64");

const MAX_METADATA_BYTES = 4096;

export const platformCategories = [
  "e_commerce",
  "finance",
  "copyright",
  "notary",
  "government",
  "other",
] as const;

// ------------------------------------------------------------------ deposits

const HEX64 = /^[0-9a-f]{64}$/;
const DEPOSIT_KIND = /^[a-z][a-z0-9_.-]{0,63}$/;
const MAX_TITLE_LENGTH = 500;
const MAX_METADATA_KEY_LENGTH = 100;
const ZOccurredAt = z.iso.datetime({ offset: true });

/** Canonical JSON of the metadata objects validation accepted: the deposit command reuses it. */
export const canonicalMetadata = new WeakMap<object, string>();

export const ZDepositInput = z.strictObject({
  sha256: ZHex64.describe(
    "SHA-256 of the evidence file, lowercase hex (the file itself never reaches the court)",
  ),
  kind: z
    .string()
    .regex(DEPOSIT_KIND, "lowercase letters, digits, _ . -")
    .describe("Category of the evidence, e.g. contract, chat, copyright.image — public in the log"),
  title: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TITLE_LENGTH)
    .describe("Short description; kept off the public log"),
  occurredAt: ZOccurredAt.describe(
    "When the data came into being, as the platform states it (ISO 8601); kept off the public log",
  ),
  metadata: z
    .record(z.string().min(1).max(MAX_METADATA_KEY_LENGTH), z.json())
    .default({})
    .refine((value) => {
      try {
        const text = canonicalJson(value);
        if (Buffer.byteLength(text, "utf8") > MAX_METADATA_BYTES) return false;
        canonicalMetadata.set(value, text);
        return true;
      } catch {
        return false;
      }
    }, `JSON without lone surrogates, at most ${MAX_METADATA_BYTES} bytes`)
    .describe(
      "Source details (生成机制, device, account, phase …; 在线诉讼规则第十八条). May hold personal data: it is " +
        "kept in the court's database, committed to by a salted hash in the public log",
    ),
});

export const ZDepositRequest = z.strictObject({
  deposits: z
    .array(ZDepositInput)
    .min(1)
    .max(MAX_DEPOSITS_PER_REQUEST)
    .describe(`One to ${MAX_DEPOSITS_PER_REQUEST} deposits; idempotent per platform and SHA-256`),
});

export type TDepositRequest = z.output<typeof ZDepositRequest>;
/** The keys a deposit may have (`ZDepositInput` is strict). */
const DEPOSIT_INPUT_KEYS: ReadonlySet<string> = new Set(Object.keys(ZDepositInput.shape));
type TDepositInput = TDepositRequest["deposits"][number];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** True for JSON.parse output without a `__proto__` key anywhere (zod's records treat it specially). */
function isJsonWithoutProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) return value.every(isJsonWithoutProtoKey);
  if (!isPlainObject(value)) return false;
  for (const key in value) if (key === "__proto__" || !isJsonWithoutProtoKey(value[key])) return false;
  return true;
}

const MAX_KEY_ISSUES = 20;

/**
 * Where a request body has a `__proto__` key (anywhere, as JSON.parse keeps it as an own property).
 * Zod's records and any object spread assign it as the prototype instead, so the key would vanish
 * from the stored metadata without a word: the opening must hold exactly what the platform sent.
 * Walks with its own stack (a body may nest deeper than the call stack).
 */
export function protoKeyPaths(body: unknown): string[] {
  const paths: string[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value: body, path: "body" }];
  while (stack.length > 0 && paths.length < MAX_KEY_ISSUES) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}.${i}` });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === "__proto__") paths.push(`${path}.${key}`);
      else stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}` });
    }
  }
  return paths;
}

/**
 * `ZDepositRequest.parse` for the bodies it accepts, without zod: the same checks and the same output
 * (titles trimmed, metadata defaulting to {}), at a fraction of the cost for a thousand deposits.
 * Returns null for anything it does not accept outright — zod then parses the body, so a refused body
 * gets exactly zod's issues.
 */
export function parseValidDepositRequest(body: unknown): TDepositRequest | null {
  try {
    if (!isPlainObject(body)) return null;
    for (const key in body) if (key !== "deposits") return null;
    const list = body.deposits;
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_DEPOSITS_PER_REQUEST) return null;
    const deposits = new Array<TDepositInput>(list.length);
    for (let i = 0; i < list.length; i++) {
      const input: unknown = list[i];
      if (!isPlainObject(input)) return null;
      for (const key in input) if (!DEPOSIT_INPUT_KEYS.has(key)) return null;
      const { sha256, kind, title, occurredAt } = input;
      if (typeof sha256 !== "string" || !HEX64.test(sha256)) return null;
      if (typeof kind !== "string" || !DEPOSIT_KIND.test(kind)) return null;
      if (typeof title !== "string") return null;
      const trimmed = title.trim();
      if (trimmed.length < 1 || trimmed.length > MAX_TITLE_LENGTH) return null;
      if (typeof occurredAt !== "string" || !ZOccurredAt._zod.pattern.test(occurredAt)) return null;
      const metadata = "metadata" in input ? input.metadata : {};
      if (!isPlainObject(metadata)) return null;
      for (const key in metadata) if (key.length < 1 || key.length > MAX_METADATA_KEY_LENGTH) return null;
      if (!isJsonWithoutProtoKey(metadata)) return null;
      const text = canonicalJson(metadata);
      if (Buffer.byteLength(text, "utf8") > MAX_METADATA_BYTES) return null;
      canonicalMetadata.set(metadata, text);
      deposits[i] = {
        sha256,
        kind,
        title: trimmed,
        occurredAt,
        metadata: metadata as TDepositInput["metadata"],
      };
    }
    return { deposits };
  } catch {
    // canonicalJson's refusals, or nesting deeper than the stack: zod decides and words the issue.
    return null;
  }
}

export const ZDepositLeaf = z
  .object({
    type: z.literal("deposit"),
    v: z.literal(1),
    sha256: ZHex64,
    kind: z.string(),
    platform: ZHex64.describe("Key hash of the depositing credential"),
    depositedAt: z.string().describe("When the log sequenced it (the log's own claim)"),
    commitment: ZHex64.describe("SHA-256 of the canonical opening"),
  })
  .describe("The public leaf, version 1; its canonical JSON (RFC 8785) is the entry (docs/ledger.md)");

export const ZDepositOpening = z
  .object({
    title: z.string(),
    occurredAt: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    salt: z.string().describe("16 random bytes, hex"),
  })
  .describe("What the commitment hides; its canonical JSON hashes to leaf.commitment");

export const ZDepositReceipt = z.object({
  index: z.number().int().describe("Leaf index: with the log's origin, the deposit number (存证编号)"),
  sha256: ZHex64,
  isNew: z.boolean().describe("False when this platform had deposited this hash before"),
  leaf: ZDepositLeaf,
  leafHash: ZBase64Hash.describe("RFC 9162 leaf hash of the entry"),
  opening: ZDepositOpening,
  inclusionProof: z.array(ZBase64Hash).describe("RFC 9162 inclusion proof at treeSize, leaf's sibling first"),
});

export const ZDepositResponse = z.object({
  treeSize: z.number().int().describe("Size of the checkpoint the proofs lead to"),
  checkpoint: z
    .string()
    .describe("The checkpoint note, signed by the log and cosigned by the witness quorum"),
  deposits: z.array(ZDepositReceipt).describe("Receipts, in request order"),
});

export const ZDepositIndexParams = z.strictObject({
  index: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe("Leaf index of the deposit"),
});

export const ZDepositReceiptResponse = ZDepositReceipt.extend({
  treeSize: z.number().int(),
  checkpoint: z.string(),
  receiptUrl: z.string().describe("The same receipt as a c2sp.org/tlog-proof file"),
  policy: z
    .string()
    .describe(
      "The log's c2sp.org/tlog-policy (log key, witness keys, quorum) when the receipt was issued; compare it with the court's published policy",
    ),
});

// ------------------------------------------------------------------ platforms

export const ZRegisterPlatformRequest = z.strictObject({
  courtId: z.uuid().describe("Court admitting the platform"),
  name: z.string().trim().min(1).max(100).describe("Platform name, unique within the court"),
  operatorName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe("Who runs it (shown to judges: 在线诉讼规则第十七条(二))"),
  operatorCreditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, "18-character unified social credit code")
    .nullable()
    .default(null)
    .describe("Operator's unified social credit code"),
  category: z.enum(platformCategories).describe("What kind of platform"),
  description: z.string().trim().max(1000).nullable().default(null).describe("Notes of the admission review"),
});

export const ZCredential = z.object({
  id: z.uuid().describe("Credential id; for Ed25519 the `keyid` of signed requests"),
  kind: z.enum(["ed25519", "api_key"]).describe("Ed25519 request signing (recommended) or API key"),
  keyHash: ZHex64.describe("Identifier logged in every deposit leaf (`platform`)"),
  publicKey: z.string().nullable().describe("Ed25519 public key, base64 (32 bytes)"),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});

export const ZPlatform = z.object({
  id: z.uuid(),
  courtId: z.uuid(),
  name: z.string(),
  operatorName: z.string(),
  operatorCreditCode: z.string().nullable(),
  category: z.enum(platformCategories),
  description: z.string().nullable(),
  createdAt: z.date(),
  disabledAt: z.date().nullable(),
  credentials: z.array(ZCredential),
});

export const ZPlatformList = z.object({ items: z.array(ZPlatform) });
export const ZPlatformListQuery = z.strictObject({
  courtId: z.uuid().optional().describe("Only this court (default: every court the caller administers)"),
});
export const ZPlatformParams = z.strictObject({ platformId: z.uuid().describe("Platform id") });
export const ZCredentialParams = z.strictObject({
  platformId: z.uuid().describe("Platform id"),
  credentialId: z.uuid().describe("Credential id"),
});

export const ZAddCredentialRequest = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("ed25519"),
    publicKey: z.string().min(1).max(100).describe("Ed25519 public key, standard base64 of 32 bytes"),
  }),
  z.strictObject({ kind: z.literal("api_key") }),
]);

export const ZAddCredentialResponse = ZCredential.extend({
  apiKey: z
    .string()
    .nullable()
    .describe("The API key (`Authorization: Bearer …`), shown only now; the court stores its hash"),
});

// ------------------------------------------------------------------ verification

const ZCosignature = z.object({
  witness: z.string().describe("Witness key name"),
  cosignedAt: z.date().describe("Its cosignature time: as of then it had seen this tree"),
});

export const ZCheckpointSummary = z.object({
  size: z.number().int(),
  rootHash: ZBase64Hash,
  note: z.string().describe("The cosigned checkpoint note"),
  cosignatures: z.array(ZCosignature),
  quorum: z.number().int().describe("Cosignatures required"),
});

export const ZVerificationSteps = z
  .object({
    leafRecomputed: z.boolean().describe("The leaf was recomputed from the stored deposit record"),
    inclusionVerified: z.boolean().describe("The inclusion proof leads to the checkpoint's root"),
    checkpointSignatureVerified: z.boolean().describe("The log's signature on the checkpoint verifies"),
    witnessQuorumMet: z.boolean().describe("At least the quorum of configured witnesses cosigned it"),
  })
  .describe("Each step of the technical check (在线诉讼规则第十六条: 经技术核验一致)");

export const ZVerifiedDeposit = z.object({
  index: z.number().int().describe("Deposit number (leaf index)"),
  kind: z.string(),
  depositedAt: z.date().describe("Sequencing time: the log's own claim"),
  platform: z.object({
    id: z.uuid(),
    name: z.string(),
    operatorName: z.string(),
    operatorCreditCode: z.string().nullable(),
    category: z.enum(platformCategories),
    credentialKind: z
      .enum(["ed25519", "api_key"])
      .describe("ed25519: the platform signed the request (non-repudiable); api_key: a shared secret"),
    relatedParties: z
      .array(z.string())
      .describe(
        "Parties of this case whose name or credit code is the operator's (在线诉讼规则第十七条(二))",
      ),
  }),
  opening: z
    .object({ title: z.string(), occurredAt: z.string(), metadata: z.record(z.string(), z.unknown()) })
    .nullable()
    .describe("The platform's description and source metadata (court staff only)"),
  firstCheckpoint: ZCheckpointSummary.nullable().describe(
    "The first published checkpoint containing the deposit: its earliest cosignature bounds the deposit time independently",
  ),
  proof: z
    .object({
      leafHash: ZBase64Hash,
      checkpoint: ZCheckpointSummary,
      inclusionProof: z.array(ZBase64Hash),
      steps: ZVerificationSteps,
    })
    .nullable()
    .describe("Inclusion in the latest published checkpoint (null until one covers the deposit)"),
});

export const ZBasisItem = z.object({
  article: z.string().describe("Rule applied, e.g. 在线诉讼规则第十六条"),
  code: z
    .enum([
      "technically_consistent",
      "technical_check_incomplete",
      "hash_mismatch",
      "not_deposited",
      "platform_identified",
      "platform_related_to_party",
      "pre_deposit_authenticity_not_proven",
      "independent_verification_possible",
    ])
    .describe("What the rule requires the judge to consider, as a message key (ledger:basis.<code>)"),
  params: z.record(z.string(), z.unknown()).describe("Facts for the message"),
});

export const ZLedgerVerification = z.object({
  subjectType: z.string().describe("What was checked, e.g. filing_attachment"),
  subjectId: z.uuid(),
  caseId: z.uuid(),
  sha256: ZHex64,
  result: z.enum(["verified", "not_deposited", "no_match"]),
  claimedIndex: z.number().int().nullable().describe("The deposit number the party named, if any"),
  checkedAt: z.date(),
  deposits: z.array(ZVerifiedDeposit),
  basis: z.array(ZBasisItem).describe("The basis 在线诉讼规则第十六条 to 第十九条 require for the review"),
});

export const ZVerificationsQuery = z.strictObject({
  sha256: ZHex64.describe("SHA-256 of the file"),
  caseId: z.uuid().optional().describe("Only checks made in this case"),
});
export const ZVerificationList = z.object({ items: z.array(ZLedgerVerification) });

/** What the filing view shows for an attachment. */
export const ZVerificationSummary = z
  .object({
    result: z.enum(["verified", "not_deposited", "no_match"]),
    checkedAt: z.date(),
    depositCount: z.number().int(),
    firstDepositedAt: z.date().nullable(),
    platforms: z.array(z.string()).describe("Names of the depositing platforms"),
    detailsUrl: z.string().describe("The full check with its proof and legal basis"),
  })
  .describe("Evidence ledger check of the file (核验)");
export type TVerificationSummary = z.infer<typeof ZVerificationSummary>;

// ------------------------------------------------------------------ court events

export const ZCaseParams = z.strictObject({ caseId: z.uuid().describe("Case id") });

export const ZCaseLedgerEvent = z.object({
  leafIndex: z.number().int().nullable().describe("Index in the log (null until sequenced)"),
  leafType: z.enum(["court_event", "evidence"]),
  kind: z.string(),
  recordedAt: z.date(),
  sha256: ZHex64.nullable().describe("For evidence submissions: the file's SHA-256"),
  entry: z.string().nullable().describe("The leaf's entry (canonical JSON)"),
  opening: z.record(z.string(), z.unknown()).describe("What the leaf's commitment hides"),
  inclusionProof: z.array(ZBase64Hash).nullable().describe("Proof at treeSize, once published"),
});

export const ZCaseLedgerEvents = z.object({
  treeSize: z.number().int().nullable(),
  checkpoint: z.string().nullable(),
  items: z.array(ZCaseLedgerEvent),
});

// ------------------------------------------------------------------ public log

export const ZWitnessList = z.object({
  origin: z.string().describe("The log's origin"),
  quorum: z.number().int().describe("Cosignatures a checkpoint needs before it is published"),
  witnesses: z.array(z.object({ name: z.string(), vkey: z.string() })),
});
