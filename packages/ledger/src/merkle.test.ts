import { hash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { fromHex, toHex, utf8 } from "./encoding";
import { emptyTreeHash, leafHash, nodeHash, treeHash, treeHashOfEntries } from "./merkle";
import { setSha256, sha256 } from "./sha256";
import { RFC6962_LEAVES, seededRandom } from "./test-support";

// RFC 6962 roots by size (transparency-dev/merkle testonly/constants.go, ledger-notes §1.10).
const RFC6962_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const nodeSha256 = (data: Uint8Array): Uint8Array => hash("sha256", data, "buffer");

afterEach(() => setSha256(null));

describe("Merkle tree hash (RFC 9162 §2.1.1)", () => {
  it.each(RFC6962_ROOTS.map((root, size) => [size, root] as const))(
    "gives the RFC 6962 root for size %i",
    (size, root) => {
      expect(toHex(treeHashOfEntries(RFC6962_LEAVES.slice(0, size)))).toBe(root);
    },
  );

  it("hashes the empty tree as SHA-256 of nothing", () => {
    expect(toHex(emptyTreeHash())).toBe(RFC6962_ROOTS[0]);
  });

  it("prefixes leaves with 0x00 and nodes with 0x01", () => {
    const entry = utf8("abc");
    expect(leafHash(entry)).toEqual(sha256(Uint8Array.of(0, ...entry)));
    const a = leafHash(utf8("a"));
    const b = leafHash(utf8("b"));
    expect(nodeHash(a, b)).toEqual(sha256(Uint8Array.of(1, ...a, ...b)));
  });

  it("hashes large entries that do not fit the reusable buffer", () => {
    const entry = new Uint8Array(100_000).fill(7);
    const expected = new Uint8Array(100_001).fill(7);
    expected[0] = 0;
    expect(leafHash(entry)).toEqual(sha256(expected));
  });

  it("refuses node children that are not 32 bytes", () => {
    expect(() => nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(/32-byte/);
  });

  it("computes a sub-range root equal to the root of the sliced list", () => {
    const hashes = RFC6962_LEAVES.map(leafHash);
    expect(treeHash(hashes, 2, 7)).toEqual(treeHash(hashes.slice(2, 7)));
  });

  it("gives the same roots with Node's native SHA-256 plugged in", () => {
    const random = seededRandom(7);
    const entries = Array.from({ length: 300 }, () =>
      Uint8Array.from({ length: Math.floor(random() * 80) }, () => Math.floor(random() * 256)),
    );
    const portable = treeHashOfEntries(entries);
    setSha256(nodeSha256);
    expect(toHex(treeHashOfEntries(entries))).toBe(toHex(portable));
    expect(toHex(treeHashOfEntries(RFC6962_LEAVES))).toBe(RFC6962_ROOTS[8]);
  });

  it("restores the portable hash when reset", () => {
    setSha256(() => fromHex("00".repeat(32)));
    expect(toHex(sha256(new Uint8Array(0)))).toBe("00".repeat(32));
    setSha256(null);
    expect(toHex(sha256(new Uint8Array(0)))).toBe(RFC6962_ROOTS[0]);
  });
});
