import { describe, expect, it } from "vitest";
import { CAUSES_OF_ACTION, INTERNET_COURT_MATTERS, type InternetCourtItem } from "./causes.data";
import {
  causePath,
  childCauses,
  feeKindOfCause,
  findCause,
  findCauseByName,
  searchCauses,
} from "./causes.rules";

describe("cause-of-action data", () => {
  it("has unique ids and names and a parent one level up", () => {
    const ids = CAUSES_OF_ACTION.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = CAUSES_OF_ACTION.filter((c) => c.level > 1).map((c) => c.nameZh);
    expect(new Set(names).size).toBe(names.length);
    for (const cause of CAUSES_OF_ACTION) {
      if (cause.level === 1) {
        expect(cause.parentId).toBeNull();
        continue;
      }
      const parent = findCause(cause.parentId ?? "");
      expect(parent, cause.id).toBeDefined();
      expect(cause.level, cause.id).toBe(parent!.level + 1);
    }
  });

  it("writes official numbers in the shape of each level", () => {
    const shapes = {
      1: /^第[一二三四五六七八九十]+部分$/,
      2: /^[一二三四五六七八九十]+$/,
      3: /^\d+$/,
      4: /^\d+\(\d+\)$/,
    } as const;
    for (const cause of CAUSES_OF_ACTION) {
      if (cause.officialNumber === null) continue;
      expect(cause.officialNumber, cause.id).toMatch(shapes[cause.level]);
      if (cause.level === 4) {
        // (k) is numbered under its third-level parent.
        const parentNumber = findCause(cause.parentId!)!.officialNumber;
        if (parentNumber) expect(cause.officialNumber.startsWith(`${parentNumber}(`)).toBe(true);
      }
    }
    // Third-level numbers run on across the list.
    const numbered = CAUSES_OF_ACTION.filter((c) => c.level === 3 && c.officialNumber).map((c) =>
      Number(c.officialNumber),
    );
    expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
  });

  it("gives every Internet-court cause the item of 第二条 it falls under", () => {
    for (const cause of CAUSES_OF_ACTION) {
      expect(cause.internetCourt, cause.id).toBe(cause.internetCourtItem !== undefined);
    }
    const items = new Set(CAUSES_OF_ACTION.map((c) => c.internetCourtItem).filter((i) => i !== undefined));
    // Every civil and public-interest item has at least one cause; 10 is administrative, 11 assigned.
    for (const [item, matter] of Object.entries(INTERNET_COURT_MATTERS)) {
      if (matter.kind === "civil" || matter.kind === "public_interest") {
        expect(items.has(Number(item) as InternetCourtItem), `item ${item}`).toBe(true);
      }
    }
  });
});

describe("findCauseByName", () => {
  it.each([
    ["网络购物合同纠纷", "online-sale-contract", 1],
    ["信息网络买卖合同纠纷", "online-sale-contract", 1],
    ["网络服务合同纠纷", "online-service-contract", 2],
    ["金融借款合同纠纷", "financial-loan-contract", 3],
    ["小额借款合同纠纷", "small-loan-contract", 3],
    ["著作权权属纠纷", "copyright-ownership", 4],
    ["侵害作品信息网络传播权纠纷", "infringement-of-network-dissemination-right", 5],
    ["网络域名纠纷", "domain-name-ownership-infringement", 6],
    ["网络侵权责任纠纷", "online-tort", 7],
    ["名誉权纠纷", "reputation-right", 7],
    ["隐私权纠纷", "privacy-right", 7],
    ["个人信息保护纠纷", "personal-information-protection", 7],
    ["产品责任纠纷", "product-liability", 8],
    ["公益诉讼", "public-interest-litigation", 9],
  ])("finds %s within the Internet courts' jurisdiction", (name, id, item) => {
    expect(findCauseByName(name)).toMatchObject({ id, internetCourt: true, internetCourtItem: item });
  });

  it.each([
    ["民间借贷纠纷", "private-lending"],
    ["买卖合同纠纷", "sale-contract"],
    ["服务合同纠纷", "service-contract"],
    ["劳动争议", "labour-dispute"],
    ["离婚纠纷", "divorce"],
    ["机动车交通事故责任纠纷", "motor-vehicle-accident"],
  ])("finds %s outside it", (name, id) => {
    expect(findCauseByName(` ${name} `)).toMatchObject({ id, internetCourt: false });
  });

  it("knows nothing of an invented cause", () => {
    expect(findCauseByName("网络吵架纠纷")).toBeUndefined();
  });
});

describe("hierarchy and fee kinds", () => {
  it("walks from the part down to a fourth-level cause", () => {
    expect(causePath("personal-information-protection").map((c) => c.officialNumber)).toEqual([
      "第一部分",
      "一",
      "8",
      "8(2)",
    ]);
    expect(causePath("nope")).toEqual([]);
  });

  it("lists children in order", () => {
    expect(childCauses("privacy-and-personal-information").map((c) => c.nameZh)).toEqual([
      "隐私权纠纷",
      "个人信息保护纠纷",
    ]);
    expect(childCauses(null).every((c) => c.level === 1)).toBe(true);
  });

  it.each([
    ["divorce", "divorce"],
    ["reputation-right", "personality"],
    ["copyright-ownership", "ip"],
    ["claim-for-remuneration", "labour"],
    ["online-sale-contract", "property"],
    ["void-marriage", "other_non_property"],
    ["public-interest-litigation", null],
    ["part-tort", null],
  ])("hints the fee kind of %s as %s", (id, kind) => {
    expect(feeKindOfCause(id)).toBe(kind);
  });
});

describe("searchCauses", () => {
  it("puts alias and name prefixes first", () => {
    expect(searchCauses("网购")[0]?.id).toBe("online-sale-contract");
    expect(searchCauses("名誉权纠纷")[0]?.id).toBe("reputation-right");
  });

  it("filters to the Internet courts' causes", () => {
    expect(searchCauses("借", { internetCourtOnly: true }).map((c) => c.id)).toEqual([
      "financial-loan-contract",
      "small-loan-contract",
    ]);
    expect(searchCauses("借").map((c) => c.id)).toContain("private-lending");
  });

  it("searches English names, levels and limits", () => {
    // Both start with "Copyright"; the more specific (fourth-level) cause comes first.
    expect(searchCauses("copyright").map((c) => c.id)).toEqual([
      "copyright-ownership",
      "copyright-ownership-infringement",
    ]);
    expect(searchCauses("纠纷", { levels: [1] }).map((c) => c.nameZh)).toEqual([
      "人格权纠纷",
      "婚姻家庭、继承纠纷",
      "合同、准合同纠纷",
      "知识产权与竞争纠纷",
      "侵权责任纠纷",
    ]);
    expect(searchCauses("纠纷", { limit: 3 })).toHaveLength(3);
    expect(searchCauses("  ")).toEqual([]);
  });
});
