import type { ReferenceCase } from "./predict.types";

const PLACES = ["超市", "商场", "小区", "工地", "网吧", "宾馆", "菜市场", "停车场"];
const ITEMS = ["手机", "电动车", "现金", "笔记本电脑", "黄金项链", "香烟", "电缆线", "自行车"];

function term(months: number) {
  return { imprisonment: months, death_penalty: false, life_imprisonment: false };
}

/** A small synthetic reference set: theft (term grows with the amount), assault and drunk driving. */
export function syntheticReference(): ReferenceCase[] {
  const cases: ReferenceCase[] = [];
  for (let i = 0; i < 24; i += 1) {
    const amount = 1000 * (1 + (i % 8));
    cases.push({
      id: `theft-${i}`,
      fact: `某某县人民检察院指控：被告人张某${i}于某日在${PLACES[i % 8]}内盗窃他人${ITEMS[i % 8]}，价值人民币${amount}元。被告人到案后如实供述。`,
      meta: {
        accusation: ["盗窃"],
        relevant_articles: [264],
        // 4–11 months, rising with the amount.
        term_of_imprisonment: term(3 + (i % 8) + (i % 3 === 0 ? 1 : 0)),
      },
    });
  }
  for (let i = 0; i < 16; i += 1) {
    cases.push({
      id: `assault-${i}`,
      fact: `某某区人民检察院指控：被告人李某${i}因琐事与被害人王某${i}发生争执，持木棍殴打被害人，致其${i % 2 === 0 ? "左臂" : "头部"}受伤。经鉴定，被害人的损伤程度为轻伤二级。`,
      meta: { accusation: ["故意伤害"], relevant_articles: [234], term_of_imprisonment: term(8 + (i % 5)) },
    });
  }
  for (let i = 0; i < 12; i += 1) {
    cases.push({
      id: `drunk-${i}`,
      fact: `公诉机关指控：被告人赵某${i}酒后驾驶小型轿车在道路上行驶，被民警查获。经鉴定，其血液中乙醇含量为${100 + 10 * i}mg/100ml。`,
      meta: { accusation: ["危险驾驶"], relevant_articles: [133], term_of_imprisonment: term(1 + (i % 4)) },
    });
  }
  cases.push({
    id: "bribe-0",
    fact: "被告人钱某利用担任公司采购经理的职务便利，非法收受供应商财物人民币五万元，为他人谋取利益。",
    meta: { accusation: ["非国家工作人员受贿"], relevant_articles: [163], term_of_imprisonment: term(12) },
  });
  return cases;
}
