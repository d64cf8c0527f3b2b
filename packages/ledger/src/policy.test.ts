import { describe, expect, it } from "vitest";
import { ed25519 } from "./ed25519";
import { formatVerifierKey, SignatureType } from "./keys";
import { isQuorumSatisfied, parseTlogPolicy } from "./policy";
import { VECTOR } from "./test-support";

const witnessKey = (i: number): string =>
  formatVerifierKey(
    `example.com/w${i}`,
    SignatureType.cosignatureV1,
    ed25519().publicKey(new Uint8Array(32).fill(i + 1)),
  );

// The tlog-policy spec's example: 2 of the X witnesses and 1 of the Y witnesses.
const EXAMPLE = `
# court ledger policy
log ${VECTOR.logVkey} https://ledger.example/

witness X1 ${witnessKey(1)}
witness X2 ${witnessKey(2)}
witness X3 ${witnessKey(3)} https://notary.example/witness
group X-witnesses 2 X1 X2 X3

witness Y1 ${witnessKey(4)}
witness Y2 ${witnessKey(5)}
witness Y3 ${witnessKey(6)}
\tgroup Y-witnesses any Y1 Y2 Y3

group X-and-Y all X-witnesses Y-witnesses
quorum X-and-Y
`;

describe("tlog-policy", () => {
  const policy = parseTlogPolicy(EXAMPLE);

  it("parses logs, witnesses with URLs, groups and the quorum", () => {
    expect(policy.logs).toHaveLength(1);
    expect(policy.logs[0]!.url).toBe("https://ledger.example/");
    expect(policy.witnesses.get("X3")!.url).toBe("https://notary.example/witness");
    expect(policy.groups.get("X-witnesses")).toEqual({ threshold: 2, members: ["X1", "X2", "X3"] });
    expect(policy.groups.get("Y-witnesses")!.threshold).toBe(1);
    expect(policy.groups.get("X-and-Y")!.threshold).toBe(2);
    expect(policy.quorum).toBe("X-and-Y");
  });

  it.each([
    [["X1", "X2", "Y3"], true],
    [["X1", "X3", "Y1", "Y2"], true],
    [["X1", "Y1"], false],
    [["X1", "X2", "X3"], false],
    [["Y1", "Y2", "Y3"], false],
    [[], false],
  ])("with cosigners %j the quorum is %s", (cosigners, expected) => {
    expect(isQuorumSatisfied(policy, new Set(cosigners))).toBe(expected);
  });

  it("treats `quorum none` as always satisfied", () => {
    expect(isQuorumSatisfied(parseTlogPolicy("quorum none"), new Set())).toBe(true);
  });

  it.each([
    ["no quorum line", `witness A ${witnessKey(1)}`],
    ["two quorum lines", "quorum none\nquorum none"],
    ["a member defined later", `group G any A\nwitness A ${witnessKey(1)}\nquorum G`],
    ["a member listed twice", `witness A ${witnessKey(1)}\ngroup G 1 A A\nquorum G`],
    ["k above n", `witness A ${witnessKey(1)}\ngroup G 2 A\nquorum G`],
    ["k of zero", `witness A ${witnessKey(1)}\ngroup G 0 A\nquorum G`],
    ["a group without members", "group G any\nquorum none"],
    ["none as a member", `witness A ${witnessKey(1)}\ngroup G any A none\nquorum G`],
    ["a duplicate name", `witness A ${witnessKey(1)}\nwitness A ${witnessKey(2)}\nquorum A`],
    ["a duplicate public key", `witness A ${witnessKey(1)}\nwitness B ${witnessKey(1)}\nquorum A`],
    ["an undefined quorum", "quorum nobody"],
    ["a log key of the witness type", `log ${witnessKey(1)}\nquorum none`],
    ["a witness key of the log type", `witness A ${VECTOR.logVkey}\nquorum A`],
    ["an unknown keyword", "trust everything\nquorum none"],
    ["a control character", "quorum none\r"],
  ])("rejects a policy with %s", (_, text) => {
    expect(() => parseTlogPolicy(text)).toThrow(expect.objectContaining({ code: "malformed_policy" }));
  });
});
