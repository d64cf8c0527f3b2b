import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasSharedData, needsSharedData, sharedDataPath } from "../../../scripts/shared-data";
import { fromBase64 } from "./encoding";
import { verifyConsistency, verifyInclusion } from "./verify";

// transparency-dev/merkle testdata (Apache-2.0), read in place — never copied into the repository.
// Its subtreeinclusion/ and subtreeconsistency/ folders test Merkle Tree Certificate subtree proofs,
// which this library does not implement; inclusion/ and consistency/ are the RFC 9162 cases.
const VECTORS = sharedDataPath("merkle-vectors");
const TESTDATA = join(VECTORS, "testdata");
const hasVectors = hasSharedData("merkle-vectors/testdata/inclusion", "merkle-vectors/testdata/consistency");

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function loadCases<T>(kind: string): [string, T][] {
  const root = join(TESTDATA, kind);
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => [`${kind}/${file}`, JSON.parse(readFileSync(join(root, file), "utf8")) as T]);
}

const hashes = (list: string[] | null): Uint8Array[] => (list ?? []).map(fromBase64);

// Skipped only where the shared data folder is absent (the vectors are third-party test data that is
// read from ../shared/data, never committed); point NETCOURT_DATA_DIR at a copy to run them.
describe(
  `transparency-dev/merkle vectors in ${VECTORS}`,
  needsSharedData("merkle-vectors/testdata/inclusion", "merkle-vectors/testdata/consistency"),
  () => {
    const inclusion = hasVectors ? loadCases<InclusionCase>("inclusion") : [];
    const consistency = hasVectors ? loadCases<ConsistencyCase>("consistency") : [];

    it("finds both happy paths and hostile cases", () => {
      expect(inclusion.filter(([, c]) => c.wantErr).length).toBeGreaterThan(50);
      expect(inclusion.filter(([, c]) => !c.wantErr).length).toBeGreaterThan(5);
      expect(consistency.filter(([, c]) => c.wantErr).length).toBeGreaterThan(50);
      expect(consistency.filter(([, c]) => !c.wantErr).length).toBeGreaterThan(5);
    });

    it.each(inclusion)("inclusion %s", (_, c) => {
      const ok = verifyInclusion(
        c.leafIdx,
        c.treeSize,
        fromBase64(c.leafHash),
        hashes(c.proof),
        fromBase64(c.root),
      );
      expect(ok, c.desc).toBe(!c.wantErr);
    });

    it.each(consistency)("consistency %s", (_, c) => {
      const ok = verifyConsistency(
        c.size1,
        c.size2,
        fromBase64(c.root1),
        fromBase64(c.root2),
        hashes(c.proof),
      );
      expect(ok, c.desc).toBe(!c.wantErr);
    });
  },
);
