import { describe, expect, it } from "vitest";
import {
  acceptsAudio,
  canCloseInStatus,
  hearingTimestamp,
  isSigningComplete,
  speakerRoleOf,
  transcriptContentSha256,
  transcriptStateOf,
} from "./transcript.rules";
import type { FrozenSegment } from "./transcript.tables";

describe("speakerRoleOf", () => {
  it.each([
    [{ role: "judge", party_role: null }, "judge"],
    [{ role: "clerk", party_role: null }, "clerk"],
    [{ role: "party", party_role: "plaintiff" }, "plaintiff"],
    [{ role: "party", party_role: "defendant" }, "defendant"],
    [{ role: "agent", party_role: "defendant" }, "defendant_agent"],
    [{ role: "agent", party_role: null }, "other"],
  ] as const)("names %j as %s", (participant, expected) => {
    expect(speakerRoleOf(participant)).toBe(expected);
  });
});

describe("hearingTimestamp", () => {
  it.each([
    [0, "00:00"],
    [4_999, "00:04"],
    [65_000, "01:05"],
    [3_725_000, "1:02:05"],
    [-10, "00:00"],
  ])("writes %i ms as %s", (ms, expected) => {
    expect(hearingTimestamp(ms)).toBe(expected);
  });
});

describe("transcriptContentSha256", () => {
  const segment: FrozenSegment = {
    id: "s1",
    startMs: 0,
    endMs: 1000,
    speakerRole: "judge",
    speakerName: "张法官",
    text: "现在开庭。",
    source: "asr",
  };
  const base = { hearingId: "h1", number: 1, segments: [segment] };

  it("is the same for the same content", () => {
    expect(transcriptContentSha256(base)).toBe(
      transcriptContentSha256({ ...base, segments: [{ ...segment }] }),
    );
    expect(transcriptContentSha256(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["text", { segments: [{ ...segment, text: "现在休庭。" }] }],
    ["speaker", { segments: [{ ...segment, speakerName: "李法官" }] }],
    ["time", { segments: [{ ...segment, startMs: 1 }] }],
    ["version", { number: 2 }],
    ["hearing", { hearingId: "h2" }],
  ])("changes with the %s", (_what, change) => {
    expect(transcriptContentSha256({ ...base, ...change })).not.toBe(transcriptContentSha256(base));
  });
});

describe("states and guards", () => {
  it("reads the state from the current version", () => {
    expect(transcriptStateOf(null)).toBe("recording");
    expect(transcriptStateOf({ status: "awaiting_signatures" })).toBe("awaiting_signatures");
    expect(transcriptStateOf({ status: "signed" })).toBe("signed");
  });

  it("is complete only when no signer is pending", () => {
    expect(isSigningComplete([])).toBe(false);
    expect(isSigningComplete(["signed", "refused", "absent"])).toBe(true);
    expect(isSigningComplete(["signed", "pending"])).toBe(false);
  });

  it.each([
    ["scheduled", false, false],
    ["in_progress", true, true],
    ["held", false, true],
    ["adjourned", false, false],
    ["cancelled", false, false],
  ])("in %s takes audio: %s, closes for signature: %s", (status, audio, close) => {
    expect(acceptsAudio(status)).toBe(audio);
    expect(canCloseInStatus(status)).toBe(close);
  });
});
