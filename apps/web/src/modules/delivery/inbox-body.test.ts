import { describe, expect, it } from "vitest";
import { bodyParts } from "./inbox-body";

describe("bodyParts", () => {
  it("marks the query code and the case number so each stays on one line", () => {
    const parts = bodyParts("案号（2026）京0491民初12号。案件查询码：ABCD-EFGH-JKLM。", {
      caseNumber: "（2026）京0491民初12号",
      queryCode: "ABCD-EFGH-JKLM",
    });
    expect(parts).toEqual([
      { text: "案号", isCode: false },
      { text: "（2026）京0491民初12号", isCode: true },
      { text: "。案件查询码：", isCode: false },
      { text: "ABCD-EFGH-JKLM", isCode: true },
      { text: "。", isCode: false },
    ]);
  });

  it("keeps the text whole when the message carries no code", () => {
    expect(bodyParts("The fee of 1,050.00 yuan was received.", { fee: 1050 })).toEqual([
      { text: "The fee of 1,050.00 yuan was received.", isCode: false },
    ]);
    expect(bodyParts("", { queryCode: "ABCD" })).toEqual([]);
  });

  it("reads a code with characters that mean something in a pattern literally", () => {
    const parts = bodyParts("Case (2026)+1 and (2026)x1", { caseNumber: "(2026)+1" });
    expect(parts.filter((part) => part.isCode).map((part) => part.text)).toEqual(["(2026)+1"]);
    expect(parts.map((part) => part.text).join("")).toBe("Case (2026)+1 and (2026)x1");
  });
});
