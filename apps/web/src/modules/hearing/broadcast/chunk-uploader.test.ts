import { describe, expect, it } from "vitest";
import { ApiError } from "../../../platform/api-client";
import { ChunkUploader } from "./chunk-uploader";

const blob = (text: string) => new Blob([text], { type: "video/webm" });

describe("the chunk uploader", () => {
  it("sends every chunk once acknowledged, in order, retrying failures with the same number", async () => {
    const attempts: number[] = [];
    let failures = 2;
    const uploader = new ChunkUploader({
      send: async (seq) => {
        attempts.push(seq);
        if (seq === 1 && failures > 0) {
          failures -= 1;
          throw new ApiError(0, "network_unreachable", "offline");
        }
      },
      wait: async () => undefined,
    });
    uploader.add(blob("aa"));
    uploader.add(blob("bbb"));
    uploader.add(blob(""));
    uploader.add(blob("c"));
    await uploader.flush();
    expect(attempts).toEqual([0, 1, 1, 1, 2]);
    expect(uploader.stats).toEqual({ sent: 3, bytes: 6, pending: 0, failure: null });
  });

  it("stops on a refusal no retry cures", async () => {
    const sent: number[] = [];
    const uploader = new ChunkUploader({
      send: async (seq) => {
        if (seq === 1) throw new ApiError(409, "hearing_recording_chunk_conflict", "conflict");
        sent.push(seq);
      },
      wait: async () => undefined,
    });
    uploader.add(blob("a"));
    uploader.add(blob("b"));
    uploader.add(blob("c"));
    await uploader.flush();
    expect(sent).toEqual([0]);
    expect(uploader.stats.failure).toBe("hearing_recording_chunk_conflict");
    uploader.add(blob("d"));
    await uploader.flush();
    expect(sent).toEqual([0]);
  });
});
