import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SegmentRing, type LiveSegment } from "./segment-ring";

const segment = (seq: number): LiveSegment => ({
  seq,
  capturedAt: 1_000 * seq,
  bytes: Buffer.from(`segment ${seq}`),
  sha256: String(seq).padStart(64, "0"),
});

describe("the segment ring", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps the last segments and forgets older ones", () => {
    const ring = new SegmentRing(3);
    expect(ring.latestSeq).toBeNull();
    for (let seq = 0; seq < 5; seq += 1) ring.push(segment(seq));
    expect(ring.latestSeq).toBe(4);
    expect(ring.get(4)?.bytes.toString()).toBe("segment 4");
    expect(ring.get(2)?.seq).toBe(2);
    expect(ring.get(1)).toBeUndefined();
    expect(ring.isEvicted(1)).toBe(true);
    expect(ring.isEvicted(2)).toBe(false);
  });

  it("keeps the highest number when a segment arrives late", () => {
    const ring = new SegmentRing(4);
    ring.push(segment(2));
    ring.push(segment(1));
    expect(ring.latestSeq).toBe(2);
    expect(ring.get(1)?.seq).toBe(1);
  });

  it("hands a segment to every viewer waiting for it, and only to them", async () => {
    const ring = new SegmentRing(4);
    const first = ring.wait(0, 5_000);
    const second = ring.wait(0, 5_000);
    const later = ring.wait(1, 5_000);
    expect(ring.waiting).toBe(3);
    ring.push(segment(0));
    await expect(first).resolves.toMatchObject({ seq: 0 });
    await expect(second).resolves.toMatchObject({ seq: 0 });
    expect(ring.waiting).toBe(1);
    ring.push(segment(1));
    await expect(later).resolves.toMatchObject({ seq: 1 });
  });

  it("answers at once when the segment is held, and with nothing after the wait", async () => {
    const ring = new SegmentRing(2);
    ring.push(segment(7));
    await expect(ring.wait(7, 1)).resolves.toMatchObject({ seq: 7 });
    const missing = ring.wait(8, 3_000);
    vi.advanceTimersByTime(2_999);
    expect(ring.waiting).toBe(1);
    vi.advanceTimersByTime(1);
    await expect(missing).resolves.toBeUndefined();
    expect(ring.waiting).toBe(0);
  });

  it("releases every waiter when it closes", async () => {
    const ring = new SegmentRing(2);
    const waiting = ring.wait(0, 60_000);
    ring.close();
    await expect(waiting).resolves.toBeUndefined();
    await expect(ring.wait(5, 60_000)).resolves.toBeUndefined();
  });

  it("refuses a ring without room", () => {
    expect(() => new SegmentRing(0)).toThrow(RangeError);
  });
});
