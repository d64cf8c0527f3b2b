/**
 * Article-to-article successors for laws repealed by 民法典第一千二百六十条 (2021-01-01). Only
 * pairs whose rule carried over unchanged in substance are listed; where the Civil Code split,
 * merged or changed a rule (e.g. 民法通则第一百三十五条, two years → 民法典第一百八十八条, three
 * years) no successor is claimed.
 */
export interface ArticleSuccessorEntry {
  from: { title: string; article: number };
  to: { title: string; article: number };
}

const CIVIL_CODE = "中华人民共和国民法典";

function pairs(title: string, map: ReadonlyArray<readonly [number, number]>): ArticleSuccessorEntry[] {
  return map.map(([from, to]) => ({
    from: { title, article: from },
    to: { title: CIVIL_CODE, article: to },
  }));
}

export const ARTICLE_SUCCESSORS: readonly ArticleSuccessorEntry[] = [
  ...pairs("中华人民共和国合同法", [
    [44, 502], // 合同自成立时生效
    [60, 509], // 全面履行
    [94, 563], // 法定解除
    [97, 566], // 解除的效果
    [107, 577], // 违约责任
    [109, 579], // 金钱债务的继续履行
    [113, 584], // 损失赔偿的范围
    [114, 585], // 违约金
    [159, 626], // 买受人支付价款
    [161, 628], // 价款的支付时间
    [196, 667], // 借款合同的定义
    [205, 674], // 利息的支付期限
    [206, 675], // 返还借款的期限
    [207, 676], // 逾期利息
  ]),
  ...pairs("中华人民共和国侵权责任法", [
    [6, 1165], // 过错责任
    [16, 1179], // 人身损害赔偿的范围
    [48, 1208], // 机动车交通事故责任
  ]),
  ...pairs("中华人民共和国物权法", [
    [9, 209], // 不动产登记生效
    [106, 311], // 善意取得
  ]),
  ...pairs("中华人民共和国担保法", [
    [18, 688], // 连带责任保证
    [21, 691], // 保证范围
  ]),
  ...pairs("中华人民共和国婚姻法", [
    [17, 1062], // 夫妻共同财产
    [32, 1079], // 诉讼离婚
    [39, 1087], // 离婚时共同财产的处理
  ]),
];
