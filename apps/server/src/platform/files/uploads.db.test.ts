import fs from "node:fs/promises";
import path from "node:path";
import type { ErrorBody } from "@netcourt/shared";
import { Document, Packer, Paragraph } from "docx";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo, signIn } from "../../testing/demo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/test-app";
import { testDatabaseKinds } from "../../testing/test-database";

const MiB = 1024 * 1024;
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

/** A .docx-shaped archive whose document.xml unpacks to `size` bytes (a decompression bomb). */
function buildBomb(size: number): Buffer {
  const zip = zipSync(
    {
      "[Content_Types].xml": new TextEncoder().encode('<?xml version="1.0"?><Types/>'),
      "word/document.xml": new Uint8Array(size).fill(0x41),
    },
    { level: 1 },
  );
  return Buffer.from(zip);
}

/** The same archive claiming a tiny size for each entry, so only the inflating step can stop it. */
function understate(zip: Buffer): Buffer {
  const bytes = Buffer.from(zip);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50) bytes.writeUInt32LE(1000, at + 22);
    else if (signature === 0x02014b50) bytes.writeUInt32LE(1000, at + 24);
  }
  return bytes;
}

/** Every file under the data folder's file store, temp files included. */
async function storedFiles(app: TestApp): Promise<string[]> {
  const root = path.join(app.dataDir, "files");
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(testDatabaseKinds())("uploads and untrusted documents on %s", (kind) => {
  let app: TestApp;
  let zhangsan: TestClient;
  let caseId: string;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemo(app, ["最高法", "浙", "浙01", "浙0192"]);
    zhangsan = await signIn(app, "zhangsan@netcourt.demo");
    const courts = (await zhangsan.get<{ items: Array<{ id: string; code: string }> }>("/api/courts")).body
      .items;
    const created = await zhangsan.post<{ caseId: string }>("/api/filings", {
      courtId: courts.find((c) => c.code === "浙0192")!.id,
    });
    expect(created.status).toBe(201);
    caseId = created.body.caseId;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function attachmentCount(): Promise<number> {
    const rows = await app.context.db
      .selectFrom("filing_attachments")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    return rows.length;
  }

  async function ledgerEntries(): Promise<number> {
    const rows = await app.context.db
      .selectFrom("ledger_court_events")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    return rows.length;
  }

  async function storedFileRows(): Promise<number> {
    return (await app.context.db.selectFrom("stored_files").select("sha256").execute()).length;
  }

  /** Sends a hand-written multipart body as it is, with the session and CSRF headers of the client. */
  function sendRaw(url: string, contentType: string, body: string | Buffer) {
    return zhangsan.request<ErrorBody>("POST", url, {
      payload: body,
      headers: { "content-type": contentType },
    });
  }

  describe("the complaint reader (POST /api/filings/extract/file)", () => {
    it("refuses a decompression bomb by its declared size with 413, and stays responsive", async () => {
      const bomb = buildBomb(80 * MiB);
      expect(bomb.length).toBeLessThan(MiB);
      const [response, health] = await Promise.all([
        zhangsan.upload<ErrorBody>("/api/filings/extract/file", { name: "bomb.docx", content: bomb }),
        (async () => {
          const started = performance.now();
          const answer = await app.http.inject({ method: "GET", url: "/api/health" });
          return { status: answer.statusCode, ms: performance.now() - started };
        })(),
      ]);
      expect(response.status).toBe(413);
      expect(response.body.error).toBe("file_too_large");
      expect(response.body.details[0]?.code).toBe("uncompressed_too_large");
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(2000);
    });

    it("stops a bomb that understates its sizes while inflating, off the event loop", async () => {
      const bomb = understate(buildBomb(80 * MiB));
      const upload = zhangsan.upload<ErrorBody>("/api/filings/extract/file", {
        name: "bomb.docx",
        content: bomb,
      });
      // The health check is answered while the bomb is being inflated.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      const health = await app.http.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
      const response = await upload;
      expect(response.status).toBe(413);
      expect(response.body.error).toBe("file_too_large");
      expect(response.body.details[0]?.code).toBe("uncompressed_too_large");

      // An ordinary complaint is still read.
      const docx = await Packer.toBuffer(
        new Document({
          sections: [{ children: [new Paragraph("民事起诉状"), new Paragraph("原告：张敏，女。")] }],
        }),
      );
      const read = await zhangsan.upload("/api/filings/extract/file", { name: "起诉状.docx", content: docx });
      expect(read.status, JSON.stringify(read.body)).toBe(200);
    });

    it("refuses an archive of thousands of entries with 422, and one with no document with 415", async () => {
      const entries = Object.fromEntries(
        Array.from({ length: 5000 }, (_, i) => [`word/media/${i}.xml`, new Uint8Array(1)]),
      );
      const response = await zhangsan.upload<ErrorBody>("/api/filings/extract/file", {
        name: "many.docx",
        content: Buffer.from(zipSync(entries)),
      });
      expect(response.status).toBe(422);
      expect(response.body.error).toBe("document_too_complex");

      // A ZIP that is no document is still told apart from a bomb.
      const unreadable = await zhangsan.upload<ErrorBody>("/api/filings/extract/file", {
        name: "notes.docx",
        content: Buffer.from(zipSync({ "notes.txt": new TextEncoder().encode("hello") })),
      });
      expect(unreadable.status).toBe(415);
      expect(unreadable.body.error).toBe("extraction_input_invalid");
    });
  });

  describe("size limits", () => {
    it("refuses a 55 MiB attachment with 413 and keeps nothing of it (limit 50 MiB)", async () => {
      const before = { files: await storedFiles(app), rows: await storedFileRows() };
      const content = Buffer.alloc(55 * MiB, 0x61);
      const response = await zhangsan.upload<ErrorBody>(
        `/api/filings/${caseId}/attachments`,
        { name: "录音转写.txt", content },
        { category: "evidence" },
      );
      expect(response.status).toBe(413);
      expect(response.body.error).toBe("file_too_large");
      expect(await attachmentCount()).toBe(0);
      expect(await ledgerEntries()).toBe(0);
      expect(await storedFileRows()).toBe(before.rows);
      expect(await storedFiles(app)).toEqual(before.files);
    });

    it("refuses an ID image over its 10 MiB limit with 413 and keeps nothing of it", async () => {
      const before = { files: await storedFiles(app), rows: await storedFileRows() };
      const content = Buffer.concat([PNG, Buffer.alloc(11 * MiB)]);
      const response = await zhangsan.upload<ErrorBody>(
        "/api/me/verification/files",
        { name: "front.png", content, type: "image/png" },
        { side: "front" },
      );
      expect(response.status).toBe(413);
      expect(response.body.error).toBe("file_too_large");
      expect(await storedFileRows()).toBe(before.rows);
      expect(await storedFiles(app)).toEqual(before.files);

      const exact = await zhangsan.upload(
        "/api/me/verification/files",
        { name: "front.png", content: content.subarray(0, 10 * MiB), type: "image/png" },
        { side: "front" },
      );
      expect(exact.status, JSON.stringify(exact.body)).toBe(200);
    });
  });

  describe("malformed multipart bodies", () => {
    // Each endpoint with a text field it accepts (if any) and a file it would take.
    const endpoints = [
      ["the complaint reader", () => "/api/filings/extract/file", "", "a.docx"],
      ["an attachment", () => `/api/filings/${caseId}/attachments`, "category=evidence", "a.png"],
      ["an ID image", () => "/api/me/verification/files", "side=front", "a.png"],
    ] as const;
    type Build = (field: string, fileName: string) => [string, string];
    const parts = (boundary: string, field: string, fileName: string, eol = "\r\n") => {
      const [name, value] = field.split("=");
      const text = field
        ? `--${boundary}${eol}content-disposition: form-data; name="${name}"${eol}${eol}${value}${eol}`
        : "";
      return (
        text +
        `--${boundary}${eol}content-disposition: form-data; name="file"; filename="${fileName}"${eol}` +
        `content-type: image/png${eol}${eol}${PNG.toString("latin1")}${eol}`
      );
    };
    const variants: Array<[string, Build]> = [
      ["no boundary", (d, f) => ["multipart/form-data", parts("b0undary", d, f) + "--b0undary--\r\n"]],
      [
        "a wrong boundary",
        (d, f) => ["multipart/form-data; boundary=other", parts("b0undary", d, f) + "--b0undary--\r\n"],
      ],
      ["no closing boundary", (d, f) => ["multipart/form-data; boundary=b0undary", parts("b0undary", d, f)]],
      [
        "LF-only line ends",
        (d, f) => [
          "multipart/form-data; boundary=b0undary",
          parts("b0undary", d, f, "\n") + "--b0undary--\n",
        ],
      ],
    ];

    for (const [endpoint, url, field, fileName] of endpoints) {
      it.each(variants)(`answers %s on ${endpoint} with 400 multipart_invalid`, async (_name, build) => {
        const before = { files: await storedFiles(app), rows: await storedFileRows() };
        const [contentType, body] = build(field, fileName);
        const response = await sendRaw(url(), contentType, Buffer.from(body, "latin1"));
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        expect(response.body.error).toBe("multipart_invalid");
        expect(await attachmentCount()).toBe(0);
        expect(await storedFileRows()).toBe(before.rows);
        expect(await storedFiles(app)).toEqual(before.files);
      });
    }

    it.each([
      ["a NUL byte", Buffer.from("evi\u0000dence", "utf8"), "text/plain"],
      ["a lone surrogate", Buffer.from([0x00, 0xd8, 0x61, 0x00]), "text/plain; charset=utf-16le"],
    ])("refuses %s in a text field with 400 text_invalid naming the field", async (_name, value, type) => {
      const boundary = "b0undary";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="category"\r\ncontent-type: ${type}\r\n\r\n`,
        ),
        value,
        Buffer.from(
          `\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\n` +
            `content-type: image/png\r\n\r\n`,
        ),
        PNG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await sendRaw(
        `/api/filings/${caseId}/attachments`,
        `multipart/form-data; boundary=${boundary}`,
        body,
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("text_invalid");
      expect(response.body.details[0]?.path).toBe("category");
      expect(await attachmentCount()).toBe(0);
    });
  });
});
