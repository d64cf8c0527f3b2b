import { describe, expect, it } from "vitest";
import { toHex } from "./encoding";
import { leafHash, treeHash } from "./merkle";
import { RightEdgeTree } from "./right-edge-tree";
import { RFC6962_LEAVES } from "./test-support";

describe("RightEdgeTree", () => {
  it("has the root of the full list after every append", () => {
    const hashes = Array.from({ length: 600 }, (_, i) => leafHash(Uint8Array.of(i % 256, i >> 8)));
    const tree = new RightEdgeTree();
    expect(toHex(tree.rootHash())).toBe(toHex(treeHash([])));
    hashes.forEach((h, i) => {
      expect(tree.appendLeafHash(h)).toBe(i);
      expect(toHex(tree.rootHash())).toBe(toHex(treeHash(hashes, 0, i + 1)));
    });
  });

  it("keeps one subtree hash per set bit of the size", () => {
    const tree = new RightEdgeTree();
    for (let i = 0; i < 13; i++) tree.appendEntry(Uint8Array.of(i));
    expect(tree.subtreeHashes()).toHaveLength(3); // 13 = 8 + 4 + 1
  });

  it("resumes from its serialised state and continues identically", () => {
    const tree = new RightEdgeTree();
    RFC6962_LEAVES.slice(0, 5).forEach((e) => tree.appendEntry(e));
    const state = JSON.parse(JSON.stringify(tree.state())) as ReturnType<RightEdgeTree["state"]>;
    const resumed = RightEdgeTree.fromState(state);
    RFC6962_LEAVES.slice(5).forEach((e) => {
      tree.appendEntry(e);
      resumed.appendEntry(e);
    });
    expect(resumed.size).toBe(8);
    expect(toHex(resumed.rootHash())).toBe(
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    );
  });

  it("refuses a state whose hash count does not match the size", () => {
    const state = { size: 6, hashes: [] as string[] };
    expect(() => RightEdgeTree.fromState(state)).toThrow(/set bit/);
  });

  it("does not let callers mutate its stored hashes", () => {
    const tree = new RightEdgeTree();
    tree.appendEntry(Uint8Array.of(1));
    const root = tree.rootHash();
    root.fill(0);
    tree.subtreeHashes()[0]!.fill(0);
    expect(toHex(tree.rootHash())).not.toBe("00".repeat(32));
  });
});
