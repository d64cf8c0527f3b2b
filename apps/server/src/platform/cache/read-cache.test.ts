import { describe, expect, it } from "vitest";
import { ChangeFeed } from "../db/change-feed";
import { ReadCache } from "./read-cache";

function healthyFeed(): ChangeFeed {
  const feed = new ChangeFeed();
  feed.setHealthy(true);
  return feed;
}

describe("read cache", () => {
  it("serves a loaded value until a change to that record is delivered", async () => {
    const feed = healthyFeed();
    const cache = new ReadCache<string>(feed, "case");
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get("a", load)).toBe("v1");
    expect(await cache.get("a", load)).toBe("v1");
    feed.deliver("case:b");
    expect(await cache.get("a", load)).toBe("v1");
    feed.deliver("case:a");
    expect(await cache.get("a", load)).toBe("v2");
    feed.deliver("user:a");
    expect(await cache.get("a", load)).toBe("v2");
  });

  it("does not keep a value loaded while the same record changed", async () => {
    const feed = healthyFeed();
    const cache = new ReadCache<string>(feed, "case");
    const stale = await cache.get("a", async () => {
      feed.deliver("case:a");
      return "stale";
    });
    expect(stale).toBe("stale");
    expect(await cache.get("a", async () => "fresh")).toBe("fresh");
  });

  it("caches nothing while the feed is down and forgets everything when it goes down", async () => {
    const feed = healthyFeed();
    const cache = new ReadCache<string>(feed, "case");
    await cache.get("a", async () => "one");
    feed.setHealthy(false);
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => "two")).toBe("two");
    expect(await cache.get("a", async () => "three")).toBe("three");
  });

  it("evicts the least recently used entry beyond its size", async () => {
    const cache = new ReadCache<string>(healthyFeed(), "case", 2);
    await cache.get("a", async () => "a");
    await cache.get("b", async () => "b");
    await cache.get("a", async () => "a2");
    await cache.get("c", async () => "c");
    expect(await cache.get("a", async () => "reloaded")).toBe("a");
    expect(await cache.get("b", async () => "reloaded")).toBe("reloaded");
  });

  it("peeks at a cached value without loading, and keeps an entry that is read often", async () => {
    const cache = new ReadCache<string>(healthyFeed(), "case", 8);
    expect(cache.peek("hot")).toBeUndefined();
    expect(cache.size).toBe(0);
    await cache.get("hot", async () => "hot");
    for (let i = 0; i < 100; i++) {
      await cache.get(`cold${i}`, async () => `cold${i}`);
      expect(cache.peek("hot")).toBe("hot");
    }
    expect(cache.size).toBe(8);
    expect(cache.peek("cold0")).toBeUndefined();
    expect(cache.peek("cold99")).toBe("cold99");
  });
});
