import { toBase64 } from "@netcourt/ledger";
import { describe, expect, it } from "vitest";
import { ZDepositResponse } from "../ledger.schemas";
import { encodeDepositResult, type DepositResult } from "./deposit-evidence";

const hash = (seed: number, length = 32) => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) & 255);

describe("encodeDepositResult", () => {
  it("writes the receipts as the JSON of the response, proof hashes shared between receipts", () => {
    const shared = [hash(1), hash(2)];
    const opening = (title: string) =>
      `{"metadata":{"a":"\\"q\\""},"occurredAt":"2026-03-01T02:00:00.000Z","salt":"00","title":${JSON.stringify(title)}}`;
    const leaf = (n: number) =>
      `{"commitment":"${"ab".repeat(32)}","depositedAt":"2026-03-02T01:02:03.004Z","kind":"contract",` +
      `"platform":"${"cd".repeat(32)}","sha256":"${n.toString(16).padStart(64, "0")}","type":"deposit","v":1}`;
    const result: DepositResult = {
      treeSize: 1_234_567,
      checkpoint: "example.com/log\n1234567\nroot=\n\n— example.com/log sig==\n",
      deposits: [
        {
          index: 1_234_565,
          sha256: "1".padStart(64, "0"),
          isNew: true,
          leafText: leaf(1),
          leafHash: hash(3),
          openingText: opening("电子合同 😀"),
          inclusionProof: [hash(4), ...shared],
        },
        {
          index: 1_234_566,
          sha256: "2".padStart(64, "0"),
          isNew: false,
          leafText: leaf(2),
          leafHash: hash(5, 31),
          openingText: opening("plain"),
          inclusionProof: [hash(6, 1), ...shared],
        },
        {
          index: 0,
          sha256: "3".padStart(64, "0"),
          isNew: true,
          leafText: leaf(3),
          leafHash: hash(7, 2),
          openingText: opening(""),
          inclusionProof: [],
        },
      ],
    };
    const body = encodeDepositResult(result);
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    expect(parsed).toEqual({
      treeSize: result.treeSize,
      checkpoint: result.checkpoint,
      deposits: result.deposits.map((d) => ({
        index: d.index,
        sha256: d.sha256,
        isNew: d.isNew,
        leaf: JSON.parse(d.leafText) as unknown,
        leafHash: toBase64(d.leafHash),
        opening: JSON.parse(d.openingText) as unknown,
        inclusionProof: d.inclusionProof.map(toBase64),
      })),
    });
    expect(() => ZDepositResponse.parse(parsed)).not.toThrow();
  });
});
