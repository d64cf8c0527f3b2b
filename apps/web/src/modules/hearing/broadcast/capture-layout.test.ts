import { describe, expect, it } from "vitest";
import { captionOf, isMasked, participantsOf, pickMimeType, roleKey, tileLayout } from "./capture-layout";

describe("the capture's layout", () => {
  it("fills the frame with a near-square grid and centres a short last row", () => {
    expect(tileLayout(0, 1280, 720)).toEqual([]);
    expect(tileLayout(1, 1280, 720)).toEqual([{ x: 0, y: 0, width: 1280, height: 720 }]);
    const three = tileLayout(3, 1280, 720);
    expect(three.map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [640, 0],
      [320, 360],
    ]);
    expect(tileLayout(5, 1280, 720)).toHaveLength(5);
    expect(tileLayout(5, 1280, 720)[0]).toMatchObject({ width: 426, height: 360 });
  });

  it("orders the bench first, then the plaintiff's side, then the defendant's", () => {
    const stream = null as unknown as MediaStream;
    const order = participantsOf({
      self: { participantId: "c", role: "clerk", label: "书记员" },
      localStream: null,
      remotes: [
        { participantId: "d", role: "party", label: "被告", partyRole: "defendant", stream },
        { participantId: "p", role: "agent", label: "原告代理人", partyRole: "plaintiff", stream },
        { participantId: "j", role: "judge", label: "审判员", partyRole: null, stream },
      ],
    }).map((p) => p.participantId);
    expect(order).toEqual(["j", "c", "p", "d"]);
  });

  it("hides parties and agents only when faces are hidden", () => {
    expect(isMasked({ role: "party" }, true)).toBe(true);
    expect(isMasked({ role: "agent" }, true)).toBe(true);
    expect(isMasked({ role: "judge" }, true)).toBe(false);
    expect(isMasked({ role: "clerk" }, true)).toBe(false);
    expect(isMasked({ role: "party" }, false)).toBe(false);
  });

  it("never names a party or agent in the public stream, and names everyone in the recording", () => {
    const plaintiff = { role: "party", label: "原告 张三" };
    const agent = { role: "agent", label: "原告代理人 王律师" };
    const judge = { role: "judge", label: "审判员 王法官" };
    for (const hide of [false, true]) {
      expect(captionOf(plaintiff, { hide, isPublic: true }, "原告")).toBe("原告");
      expect(captionOf(agent, { hide, isPublic: true }, "原告代理人")).toBe("原告代理人");
      expect(captionOf(judge, { hide, isPublic: true }, "审判员")).toBe("审判员 王法官");
    }
    expect(captionOf(plaintiff, { hide: false, isPublic: false }, "原告")).toBe("原告 张三");
    expect(captionOf({ role: "party", label: "" }, { hide: false, isPublic: false }, "原告")).toBe("原告");
  });

  it("names each tile by its role", () => {
    expect(roleKey({ role: "party", partyRole: "plaintiff" })).toEqual({ key: "plaintiff" });
    expect(roleKey({ role: "agent", partyRole: "defendant" })).toEqual({ key: "agentOf", side: "defendant" });
    expect(roleKey({ role: "agent", partyRole: null })).toEqual({ key: "agent" });
    expect(roleKey({ role: "judge", partyRole: null })).toEqual({ key: "judge" });
  });

  it("records VP8 when the browser can", () => {
    expect(pickMimeType(() => true)).toBe("video/webm;codecs=vp8,opus");
    expect(pickMimeType((t) => t === "video/webm")).toBe("video/webm");
    expect(pickMimeType(() => false)).toBeNull();
  });
});
