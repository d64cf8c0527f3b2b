import {
  SignatureType,
  createEd25519Signer,
  ed25519VerifierKey,
  formatTlogProof,
  formatVerifierKey,
  parseVerifierKey,
  signNote,
} from "@netcourt/ledger";
import { describe, expect, it } from "vitest";
import { ledger } from "../i18n/ledger";
import {
  ledgerMessage,
  ledgerMessageParts,
  liveProblemMessage,
  quorumText,
  receiptProblemMessage,
} from "./messages";
import { leafEntry, parseReceipt, ReceiptFormatError } from "./receipt";
import { LiveLog, LiveLogError } from "./live-log";
import { trustFromKeys } from "./trust";
import { verifyReceipt } from "./verify-receipt";

const LATIN = /[A-Za-z]/;
const CJK = /[\u3400-\u9fff]/;
const HEX = "ab".repeat(32);
const key = (name: string, n: number) => ed25519VerifierKey(name, new Uint8Array(32).fill(n));
const witnessKey = (name: string, n: number) =>
  formatVerifierKey(name, SignatureType.cosignatureV1, parseVerifierKey(key(name, n)).publicKey);

function problemOf(text: string, sha256: string | null = null): ReceiptFormatError {
  try {
    parseReceipt(text, sha256);
  } catch (error) {
    if (error instanceof ReceiptFormatError) return error;
    throw error;
  }
  throw new Error("parsed");
}

const receiptJson = (overrides: Record<string, unknown>) =>
  JSON.stringify({ index: 0, leaf: { v: 1 }, inclusionProof: [], checkpoint: "x\n", ...overrides });

describe("the receipt parser's problems", () => {
  it.each([
    ["a text file", "合同全文", "not_json"],
    ["a JSON array", "[1, 2]", "not_object"],
    ["a JSON object without a receipt", "{}", "missing_fields"],
    [
      "a deposit response without this file",
      JSON.stringify({ deposits: [{ sha256: HEX }, { sha256: HEX }] }),
      "no_deposit_for_file",
    ],
    ["an inclusion proof that is no list", receiptJson({ inclusionProof: "x" }), "proof_not_list"],
    ["a proof hash that is no base64", receiptJson({ inclusionProof: ["%%"] }), "proof_not_base64"],
    ["a proof hash of the wrong length", receiptJson({ inclusionProof: ["AAAA"] }), "proof_wrong_length"],
    ["a broken tlog-proof", "c2sp.org/tlog-proof@v1\nnonsense\n", "tlog_proof_malformed"],
  ])("names %s by a code with a message in each language", (_name, text, code) => {
    const problem = problemOf(text, "cd".repeat(32));
    expect(problem.code).toBe(code);
    expect(receiptProblemMessage("zh-CN", problem.code)).not.toMatch(LATIN);
    expect(receiptProblemMessage("en", problem.code)).not.toMatch(CJK);
  });

  it("names a tlog-proof without the leaf in its extra data", () => {
    const text = formatTlogProof({
      index: 0,
      proof: [],
      checkpoint: signNote(`court.test/ledger\n1\n${"A".repeat(43)}=\n`, [
        createEd25519Signer("court.test/ledger", new Uint8Array(32).fill(1)),
      ]),
    });
    expect(problemOf(text).code).toBe("tlog_proof_no_leaf");
  });

  it("has a message for every problem code in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const)
      for (const code of Object.keys(ledger["zh-CN"].problems))
        expect(receiptProblemMessage(locale, code as "not_json")).not.toBe(code);
  });
});

describe("the leaf's problems", () => {
  const leaf = {
    v: 1,
    type: "deposit",
    sha256: HEX,
    kind: "contract",
    platform: HEX,
    depositedAt: "2026-03-01T02:00:00.000Z",
    commitment: HEX,
  };

  it.each([
    [{ ...leaf, v: 2 }, "leaf_unknown_version", {}],
    [{ ...leaf, type: "other" }, "leaf_unknown_type", {}],
    [{ ...leaf, extra: "x" }, "leaf_unexpected_field", { field: "extra" }],
    [{ ...leaf, depositedAt: "yesterday" }, "leaf_malformed_field", { field: "depositedAt" }],
  ])("reports a malformed leaf by code (%#)", (value, code, params) => {
    expect(leafEntry(value)).toEqual({ problem: code, ...params });
    const step = verifyReceipt(
      { sha256: HEX },
      {
        format: "json",
        index: 0,
        leaf: value,
        opening: null,
        proof: [],
        checkpoint: "",
        treeSize: null,
        leafHash: null,
        policy: null,
      },
      null,
    ).steps.find((s) => s.id === "leaf")!;
    expect(step).toMatchObject({ status: "failed", code, params });
    const zh = ledgerMessage("zh-CN", code, params).replace(String(Object.values(params)[0] ?? ""), "");
    expect(zh).not.toMatch(LATIN);
    expect(ledgerMessage("en", code, params)).not.toMatch(CJK);
  });
});

describe("the quorum in words", () => {
  const trust = trustFromKeys(
    [key("court.test/ledger", 1)],
    [witnessKey("notary.test", 2), witnessKey("arbitration.test", 3), witnessKey("ca.test", 4)],
  );

  it("says how many of which witnesses must cosign, in each language", () => {
    expect(quorumText("zh-CN", trust.policy)).toBe("notary.test、arbitration.test、ca.test 中至少 2 个");
    expect(quorumText("en", trust.policy)).toBe("at least 2 of notary.test, arbitration.test, ca.test");
  });

  it("says when no cosignature is needed", () => {
    const none = trustFromKeys([key("court.test/ledger", 1)]);
    expect(quorumText("zh-CN", none.policy)).toBe("无需见证节点联署");
    expect(quorumText("en", none.policy)).toBe("no witness cosignature needed");
  });
});

describe("message parts", () => {
  it("keeps the interpolated values apart from the catalog's words", () => {
    expect(ledgerMessageParts("zh-CN", "size_mismatch", { stated: 5, size: 6 })).toEqual([
      "凭证写明的树大小 ",
      { name: "stated", value: "5" },
      " 与检查点的 ",
      { name: "size", value: "6" },
      " 不符",
    ]);
  });

  it("never interpolates an error's own text into a step message", () => {
    for (const locale of ["zh-CN", "en"] as const)
      for (const [code, message] of Object.entries(ledger[locale].codes))
        if (code !== "live_unreachable") expect(message, code).not.toContain("{{message}}");
  });
});

describe("the live log's problems", () => {
  it("throws coded errors a page can translate", async () => {
    const log = new LiveLog("https://court.test/ledger", async () => new Response("", { status: 503 }));
    const error = await log.checkpoint().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveLogError);
    expect((error as LiveLogError).code).toBe("http_status");
    expect(liveProblemMessage("zh-CN", error)).toBe("服务器返回错误（状态码 503）");
    const missing = new LiveLog("https://court.test/ledger", async () => new Response("", { status: 404 }));
    expect(liveProblemMessage("en", await missing.checkpoint().catch((e: unknown) => e))).toBe(
      "the log has published no checkpoint",
    );
    expect(liveProblemMessage("zh-CN", new TypeError("Failed to fetch"))).toBe("网络连接失败");
  });
});
