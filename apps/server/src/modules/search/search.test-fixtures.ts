import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * A tiny laws corpus in the shared corpus layout (laws.jsonl.gz, articles.jsonl.gz): two parts of
 * the Civil Code (合同编 577 and 584, 附则 1260 repealing the Contract Law) and two versions of the
 * Civil Procedure Law (article 122). Enough to check citations without the shared data.
 */
const HISTORY_CODE = ["2020年5月28日 第十三届全国人民代表大会第三次会议通过", "2021年1月1日 施行"];
const HISTORY_CPL = [
  "1991年4月9日 第七届全国人民代表大会第四次会议通过",
  "2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第四次修正",
];
const A577 =
  "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。";
const A584 =
  "当事人一方不履行合同义务或者履行合同义务不符合约定，造成对方损失的，损失赔偿额应当相当于因违约所造成的损失，包括合同履行后可以获得的利益；但是，不得超过违约一方订立合同时预见到或者应当预见到的因违约可能造成的损失。";
const A1260 =
  "本法自2021年1月1日起施行。《中华人民共和国婚姻法》、《中华人民共和国继承法》、《中华人民共和国民法通则》、《中华人民共和国收养法》、《中华人民共和国担保法》、《中华人民共和国合同法》、《中华人民共和国物权法》、《中华人民共和国侵权责任法》、《中华人民共和国民法总则》同时废止。";
const A122 =
  "起诉必须符合下列条件：\n（一）原告是与本案有直接利害关系的公民、法人和其他组织；\n（二）有明确的被告；\n（三）有具体的诉讼请求和事实、理由；\n（四）属于人民法院受理民事诉讼的范围和受诉人民法院管辖。";

const laws = [
  {
    id: "law-5ee02c233304",
    path: "民法典/合同编.md",
    category: "民法典",
    title: "中华人民共和国民法典",
    subtitle: "合同编",
    version_date: null,
    is_latest_version: true,
    history: HISTORY_CODE,
    articles: 2,
    body: `## 第八章 违约责任\n\n第五百七十七条 ${A577}\n\n第五百八十四条 ${A584}\n`,
  },
  {
    id: "law-cf67c38b2515",
    path: "民法典/附则.md",
    category: "民法典",
    title: "中华人民共和国民法典",
    subtitle: "附则",
    version_date: null,
    is_latest_version: true,
    history: HISTORY_CODE,
    articles: 1,
    body: `第一千二百六十条 ${A1260}\n`,
  },
  {
    id: "law-812e98fbbfe6",
    path: "诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md",
    category: "诉讼与非诉讼程序法",
    title: "中华人民共和国民事诉讼法",
    subtitle: null,
    version_date: "2021-12-24",
    is_latest_version: false,
    history: HISTORY_CPL,
    articles: 1,
    body: `第一百二十二条 ${A122}\n`,
  },
  {
    id: "law-6ff41c5a644d",
    path: "诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md",
    category: "诉讼与非诉讼程序法",
    title: "中华人民共和国民事诉讼法",
    subtitle: null,
    version_date: "2023-09-01",
    is_latest_version: true,
    history: [
      ...HISTORY_CPL,
      "2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第五次修正",
    ],
    articles: 1,
    body: `第一百二十二条 ${A122}\n`,
  },
];

function article(lawIndex: number, label: string, number: number, text: string, headings: string[] = []) {
  const law = laws[lawIndex]!;
  return {
    law_id: law.id,
    path: law.path,
    law_title: law.title,
    part: law.subtitle,
    version_date: law.version_date,
    is_latest_version: law.is_latest_version,
    article: label,
    number,
    suffix: "",
    headings,
    text,
  };
}

const articles = [
  article(0, "第五百七十七条", 577, A577, ["第八章 违约责任"]),
  article(0, "第五百八十四条", 584, A584, ["第八章 违约责任"]),
  article(1, "第一千二百六十条", 1260, A1260),
  article(2, "第一百二十二条", 122, A122),
  article(3, "第一百二十二条", 122, A122),
];

const jsonl = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).join("\n") + "\n";

/** Writes the fixture corpus into `dir` (laws.jsonl.gz, articles.jsonl.gz). */
export async function writeFixtureLawCorpus(dir: string): Promise<{ laws: number; articles: number }> {
  await writeFile(path.join(dir, "laws.jsonl.gz"), gzipSync(jsonl(laws)));
  await writeFile(path.join(dir, "articles.jsonl.gz"), gzipSync(jsonl(articles)));
  return { laws: laws.length, articles: articles.length };
}

const ONLINE_SALE_FACTS = [
  "原告在被告经营的网店购买手机一部，收货后发现系翻新机，要求退货退款，被告拒绝。",
  "原告通过电商平台向被告网店购买笔记本电脑一台，到货后发现为翻新机且屏幕有划痕，被告拒绝退款。",
  "原告在被告网店下单购买平板电脑，收货后经检测系翻新机，原告要求退还货款，被告未予退还。",
  "原告在网店购买手机两部，收到后发现手机为翻新机，与商品页面宣传的全新正品不符，被告拒绝退货。",
  "原告于网络购物平台向被告购买相机一台，收货后发现系二手翻新机，被告拒绝退还货款。",
  "原告在被告网店购买耳机及手机，收货后发现手机系翻新机，双方协商退款未果。",
  "原告在被告网店购买手机一部，收货后发现系翻新机，被告以已拆封为由拒绝退货。",
];

/** A civil online-sale judgment in the `netcourt` archive format (amounts in yuan). */
function onlineSale(
  index: number,
  options: { court: string; published: boolean; claimed: number; awarded: number },
) {
  const facts = ONLINE_SALE_FACTS[index % ONLINE_SALE_FACTS.length]!;
  return {
    id: `（2025）${options.court}民初${1000 + index}号`,
    courtCode: options.court,
    caseNumber: `（2025）${options.court}民初${1000 + index}号`,
    title: `网络购物合同纠纷一审民事判决书 ${index}`,
    decidedOn: "2025-06-01",
    kind: "civil",
    causes: ["网络购物合同纠纷"],
    facts: `经审理查明：${facts}`,
    reasoning:
      "本院认为，原、被告之间的网络购物合同合法有效。被告交付的商品系翻新机，构成违约。依照《中华人民共和国民法典》第五百七十七条、第五百八十四条之规定，被告应当退还货款。",
    outcome: `判决如下：被告于本判决生效之日起十日内退还原告货款${options.awarded}元。`,
    claimedAmount: options.claimed,
    awardedAmount: options.awarded,
    published: options.published,
  };
}

/**
 * Judgments of the archive fixture: seven published online-sale judgments of 浙0192 awarding
 * 90–100 % of the claim, one unpublished of 浙0192 and one unpublished of 京0491.
 */
export function fixtureJudgmentLines(): Array<ReturnType<typeof onlineSale>> {
  const published = [5000, 4800, 4500, 5000, 4700, 4600, 4900].map((awarded, i) =>
    onlineSale(i, { court: "浙0192", published: true, claimed: 5000, awarded }),
  );
  return [
    ...published,
    {
      ...onlineSale(20, { court: "浙0192", published: false, claimed: 5000, awarded: 5000 }),
      title: "未公开的杭州翻新机判决",
    },
    {
      ...onlineSale(21, { court: "京0491", published: false, claimed: 5000, awarded: 5000 }),
      title: "未公开的北京翻新机判决",
    },
  ];
}

/** Writes judgment lines as a JSONL file. */
export async function writeJsonl(file: string, rows: readonly unknown[]): Promise<void> {
  await writeFile(file, jsonl(rows));
}
