import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSmsSender, SimulatedSmsSender } from "./sms";

describe("HttpSmsSender against a gateway", () => {
  let server: http.Server;
  let url: string;
  const received: Array<{
    authorization: string | undefined;
    idempotencyKey: string | undefined;
    body: Record<string, unknown>;
  }> = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let text = "";
      request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      request.on("end", () => {
        const body = JSON.parse(text) as Record<string, unknown>;
        const key = request.headers["idempotency-key"];
        received.push({
          authorization: request.headers.authorization,
          idempotencyKey: typeof key === "string" ? key : undefined,
          body,
        });
        const to = String(body.to);
        if (to === "13900000000") {
          response.writeHead(503).end();
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify(
            to === "13911111111"
              ? { status: "rejected", error: "blacklisted" }
              : to === "13922222222"
                ? { status: "accepted", id: "gw-2" }
                : { status: "delivered", id: "gw-1" },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/sms`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ["13800001111", { status: "delivered", reference: "gw-1", error: null }],
    ["13922222222", { status: "sent", reference: "gw-2", error: null }],
    ["13911111111", { status: "refused", reference: null, error: "blacklisted" }],
    ["13900000000", { status: "failed", reference: null, error: "gateway answered 503" }],
  ])("reads the gateway's answer for %s", async (to, expected) => {
    const sender = new HttpSmsSender({ url, key: "the-key", timeoutMs: 2_000 });
    expect(await sender.send({ to, subject: "s", text: "链接", reference: "r-1" })).toEqual(expected);
    const last = received.at(-1)!;
    expect(last.authorization).toBe("Bearer the-key");
    expect(last.body).toEqual({ to, text: "链接", reference: "r-1" });
  });

  it("passes a message's idempotency key in the header and the body", async () => {
    const sender = new HttpSmsSender({ url, key: "the-key", timeoutMs: 2_000 });
    const message = {
      to: "13800001111",
      subject: "s",
      text: "链接",
      reference: "a-1",
      idempotencyKey: "a-1",
    };
    expect((await sender.send(message)).status).toBe("delivered");
    const last = received.at(-1)!;
    expect(last.idempotencyKey).toBe("a-1");
    expect(last.body).toEqual({ to: "13800001111", text: "链接", reference: "a-1", idempotencyKey: "a-1" });
  });

  it("fails when the gateway cannot be reached", async () => {
    const sender = new HttpSmsSender({ url: "http://127.0.0.1:9/sms", key: "k", timeoutMs: 1_000 });
    expect((await sender.send({ to: "13800001111", subject: "s", text: "t", reference: "r" })).status).toBe(
      "failed",
    );
  });
});

describe("SimulatedSmsSender", () => {
  it("keeps messages, reports them delivered, and refuses listed numbers", async () => {
    const sms = new SimulatedSmsSender();
    sms.refusing.add("13900000000");
    expect((await sms.send({ to: "13800001111", subject: "", text: "a", reference: "1" })).status).toBe(
      "delivered",
    );
    expect((await sms.send({ to: "13900000000", subject: "", text: "b", reference: "2" })).status).toBe(
      "refused",
    );
    expect(sms.sent).toEqual([{ to: "13800001111", text: "a", reference: "1" }]);
    expect(sms.simulates).toBe("sms");
  });
});

describe("SimulatedSmsSender and idempotency keys", () => {
  it("delivers a message sent again under the same key once, answering the repeat as the first", async () => {
    const sms = new SimulatedSmsSender();
    const message = { to: "13800001111", subject: "", text: "a", reference: "k-1", idempotencyKey: "k-1" };
    const first = await sms.send(message);
    expect(await sms.send(message)).toEqual(first);
    expect(sms.sent).toHaveLength(1);
    // Without a key, or under another key, every send is a new message.
    await sms.send({ ...message, idempotencyKey: "k-2" });
    await sms.send({ to: "13800001111", subject: "", text: "a", reference: "x" });
    expect(sms.sent).toHaveLength(3);
  });
});
