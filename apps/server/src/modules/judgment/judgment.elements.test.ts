import { beforeAll, describe, expect, it } from "vitest";
import { needsSharedData } from "../../../../../scripts/shared-data";
import { CAUSES_OF_ACTION } from "../cases/index";
import {
  ELEMENT_TABLES,
  elementTableForCause,
  elementValueTypes,
  LAW_TITLES,
  loanElementsFor,
  loanKindOfCause,
  PREFILL_SOURCES,
  PROOF_KINDS,
} from "./judgment.elements";
import {
  ARTICLES_FILE,
  citationProblems,
  loadArticleIndex,
  type ArticleIndex,
} from "./judgment.test-support";

describe("element tables", () => {
  it.each(ELEMENT_TABLES.map((table) => [table.id, table] as const))(
    "%s has 8 to 15 elements with unique keys",
    (_, table) => {
      const keys = table.elements.map((element) => element.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBeGreaterThanOrEqual(8);
      expect(keys.length).toBeLessThanOrEqual(15);
      for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    },
  );

  it("gives every element a known value type, labels in both languages, proofs and a legal basis", () => {
    for (const table of ELEMENT_TABLES) {
      for (const element of table.elements) {
        const where = `${table.id}.${element.key}`;
        expect(elementValueTypes, where).toContain(element.valueType);
        expect(element.labelZh, where).toMatch(/\p{Script=Han}/u);
        expect(element.labelEn, where).toMatch(/^[A-Z]/);
        expect(element.provedBy.length, where).toBeGreaterThan(0);
        for (const proof of element.provedBy) expect(Object.keys(PROOF_KINDS), where).toContain(proof);
        if (element.prefill) expect(Object.keys(PREFILL_SOURCES), where).toContain(element.prefill);
        for (const citation of element.legalBasis.split("；")) {
          const law = /^(.+?)第[〇零一二三四五六七八九十百千]+条/u.exec(citation)?.[1];
          expect(law && LAW_TITLES[law], `${where}: ${citation}`).toBeTruthy();
        }
      }
      expect(table.elements.some((element) => element.isRequired)).toBe(true);
    }
  });

  it("serves the four commonest Internet-court causes, each from one table", () => {
    const served = ELEMENT_TABLES.flatMap((table) => table.causeIds);
    expect(new Set(served).size).toBe(served.length);
    const known = new Set(CAUSES_OF_ACTION.map((cause) => cause.id));
    for (const id of served) expect(known.has(id), id).toBe(true);
    const byName = (name: string) =>
      CAUSES_OF_ACTION.find((cause) => cause.nameZh === name || cause.aliasesZh?.includes(name))!.id;
    expect(elementTableForCause(byName("网络购物合同纠纷"))?.id).toBe("online-sale");
    expect(elementTableForCause(byName("金融借款合同纠纷"))?.id).toBe("loan");
    expect(elementTableForCause(byName("小额借款合同纠纷"))?.id).toBe("loan");
    expect(elementTableForCause(byName("网络服务合同纠纷"))?.id).toBe("online-service");
    expect(elementTableForCause(byName("侵害作品信息网络传播权纠纷"))?.id).toBe("network-dissemination");
    expect(elementTableForCause("divorce")).toBeUndefined();
  });

  it("keeps the small-loan licence element out of financial-institution loans", () => {
    expect(loanKindOfCause("financial-loan-contract")).toBe("financial");
    expect(loanKindOfCause("small-loan-contract")).toBe("small_loan");
    expect(loanElementsFor("financial").map((e) => e.key)).not.toContain("licence_scope");
    expect(loanElementsFor("small_loan").map((e) => e.key)).toContain("licence_scope");
  });

  it("lets the consumer tables find the facts punitive damages need", () => {
    const sale = elementTableForCause("online-sale-contract")!;
    const basis = (key: string) => sale.elements.find((e) => e.key === key)?.legalBasis;
    expect(basis("seller_fraud")).toContain("消费者权益保护法第二十条第一款、第五十五条第一款");
    expect(basis("food_safety_breach")).toBe("食品安全法第一百四十八条第二款");
    expect(sale.elements.find((e) => e.key === "price_paid")?.valueType).toBe("amount");
  });
});

describe("element legal bases against the law texts", needsSharedData(ARTICLES_FILE), () => {
  let index: ArticleIndex;
  beforeAll(() => {
    index = loadArticleIndex();
  }, 60_000);

  it("finds every law the tables cite in the corpus", () => {
    for (const title of Object.values(LAW_TITLES)) expect(index.has(title), title).toBe(true);
  });

  it("cites only articles, paragraphs and items that exist", () => {
    const problems = ELEMENT_TABLES.flatMap((table) =>
      table.elements.flatMap((element) =>
        citationProblems(element.legalBasis, index).map((p) => `${table.id}.${element.key}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it("reports an article beyond the end of a law and a paragraph it does not have", () => {
    expect(citationProblems("民法典第一千三百条", index)).toHaveLength(1);
    expect(citationProblems("消费者权益保护法第五十五条第三款", index)).toHaveLength(1);
    expect(citationProblems("著作权法第十条第一款第（十八）项", index)).toHaveLength(1);
    expect(citationProblems("著作权法第五十四条第一款、第二款", index)).toEqual([]);
  });
});
