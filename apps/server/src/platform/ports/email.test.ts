import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../testing/smtp-sink";
import { SmtpEmailSender } from "./email";

describe("SmtpEmailSender against an SMTP server", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("hands the notice to the server with the court as sender and only the link in the text", async () => {
    const sender = new SmtpEmailSender({
      url: `smtp://127.0.0.1:${sink.port}`,
      from: "court@court.example",
      timeoutMs: 5_000,
    });
    const result = await sender.send({
      to: "legal@yunqi.example",
      subject: "北京互联网法院送达通知 / Notice of service",
      text: "【北京互联网法院】应诉通知书已向您送达，请登录查阅：https://court.example/served/abc",
      reference: "attempt-1",
    });
    sender.close();
    expect(result.status).toBe("sent");
    expect(result.reference).toMatch(/@/);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(["legal@yunqi.example"]);
    expect(sink.messages[0]!.data).toContain("From: court@court.example");
    expect(sink.messages[0]!.data).toContain("X-Netcourt-Reference: attempt-1");
    expect(sender.provider).toBe(`smtp:127.0.0.1:${sink.port}`);
  });

  it("reports a permanent refusal of the recipient as refused, so service falls back", async () => {
    const sender = new SmtpEmailSender({
      url: `smtp://127.0.0.1:${sink.port}`,
      from: "court@court.example",
      timeoutMs: 5_000,
    });
    const result = await sender.send({
      to: "nobody@refused.example",
      subject: "s",
      text: "t",
      reference: "attempt-2",
    });
    sender.close();
    expect(result.status).toBe("refused");
    expect(result.error).toContain("550");
  });

  it("reports an unreachable server as failed", async () => {
    const sender = new SmtpEmailSender({
      url: "smtp://127.0.0.1:9",
      from: "court@court.example",
      timeoutMs: 1_000,
    });
    const result = await sender.send({ to: "a@b.example", subject: "s", text: "t", reference: "attempt-3" });
    sender.close();
    expect(result.status).toBe("failed");
  });
});
