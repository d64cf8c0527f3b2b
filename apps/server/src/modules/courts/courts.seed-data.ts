import type { CourtLevel, DivisionKind } from "./courts.tables";

/** One court of the demo network, with its parent by court code. */
export interface CourtSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  level: CourtLevel;
  parentCode: string | null;
  isInternetCourt: boolean;
  provinceZh: string | null;
  provinceEn: string | null;
  addressZh: string | null;
  /** Demo figure in yuan; a court configures the published one (民事诉讼法第一百六十五条). */
  smallClaimsLimitYuan: number | null;
}

/**
 * The demo court network. Court codes are those used in case numbers (关于人民法院案件案号的若干规定,
 * 2015, and its 2018 supplement), e.g. （2026）浙0192民初1号 for the Hangzhou Internet Court. The Internet
 * courts' appeal courts are their intermediate courts (互联网法院规定第四条 lists the appeal routes).
 */
export const demoCourts: CourtSeed[] = [
  court(
    "最高法",
    "最高人民法院",
    "Supreme People's Court",
    "supreme",
    null,
    null,
    null,
    "北京市东城区东交民巷27号",
  ),
  court(
    "浙",
    "浙江省高级人民法院",
    "Zhejiang High People's Court",
    "high",
    "最高法",
    "浙江省",
    "Zhejiang",
    "杭州市西湖区南山路2号",
  ),
  court(
    "浙01",
    "浙江省杭州市中级人民法院",
    "Hangzhou Intermediate People's Court",
    "intermediate",
    "浙",
    "浙江省",
    "Zhejiang",
    "杭州市上城区解放东路56号",
  ),
  {
    ...court(
      "浙0192",
      "杭州互联网法院",
      "Hangzhou Internet Court",
      "basic",
      "浙01",
      "浙江省",
      "Zhejiang",
      "杭州市西湖区文三路",
    ),
    isInternetCourt: true,
    smallClaimsLimitYuan: 60_000,
  },
  court(
    "京",
    "北京市高级人民法院",
    "Beijing High People's Court",
    "high",
    "最高法",
    "北京市",
    "Beijing",
    null,
  ),
  court(
    "京04",
    "北京市第四中级人民法院",
    "Beijing No. 4 Intermediate People's Court",
    "intermediate",
    "京",
    "北京市",
    "Beijing",
    null,
  ),
  {
    ...court(
      "京0491",
      "北京互联网法院",
      "Beijing Internet Court",
      "basic",
      "京04",
      "北京市",
      "Beijing",
      "北京市丰台区",
    ),
    isInternetCourt: true,
    smallClaimsLimitYuan: 100_000,
  },
  court(
    "粤",
    "广东省高级人民法院",
    "Guangdong High People's Court",
    "high",
    "最高法",
    "广东省",
    "Guangdong",
    null,
  ),
  court(
    "粤01",
    "广东省广州市中级人民法院",
    "Guangzhou Intermediate People's Court",
    "intermediate",
    "粤",
    "广东省",
    "Guangdong",
    null,
  ),
  {
    ...court(
      "粤0192",
      "广州互联网法院",
      "Guangzhou Internet Court",
      "basic",
      "粤01",
      "广东省",
      "Guangdong",
      "广州市海珠区",
    ),
    isInternetCourt: true,
    smallClaimsLimitYuan: 60_000,
  },
];

function court(
  code: string,
  nameZh: string,
  nameEn: string,
  level: CourtLevel,
  parentCode: string | null,
  provinceZh: string | null,
  provinceEn: string | null,
  addressZh: string | null,
): CourtSeed {
  return {
    code,
    nameZh,
    nameEn,
    level,
    parentCode,
    isInternetCourt: false,
    provinceZh,
    provinceEn,
    addressZh,
    smallClaimsLimitYuan: null,
  };
}

/** The divisions every demo court gets; Internet courts get the full set. */
export const demoDivisions: Array<{
  code: string;
  nameZh: string;
  nameEn: string;
  kind: DivisionKind;
  internetOnly: boolean;
}> = [
  { code: "LA", nameZh: "立案庭", nameEn: "Case Filing Division", kind: "filing", internetOnly: false },
  {
    code: "MS1",
    nameZh: "综合审判一庭",
    nameEn: "First Comprehensive Trial Division",
    kind: "civil",
    internetOnly: false,
  },
  {
    code: "MS2",
    nameZh: "综合审判二庭",
    nameEn: "Second Comprehensive Trial Division",
    kind: "civil",
    internetOnly: true,
  },
  {
    code: "XZ",
    nameZh: "行政审判庭",
    nameEn: "Administrative Trial Division",
    kind: "administrative",
    internetOnly: true,
  },
  { code: "ZX", nameZh: "执行局", nameEn: "Enforcement Bureau", kind: "enforcement", internetOnly: true },
  {
    code: "TJ",
    nameZh: "诉讼服务中心（调解）",
    nameEn: "Litigation Service Centre (Mediation)",
    kind: "mediation",
    internetOnly: true,
  },
  {
    code: "GL",
    nameZh: "审判管理办公室",
    nameEn: "Trial Management Office",
    kind: "management",
    internetOnly: false,
  },
];

/** Marks the small-claims figures above as demo data so nobody mistakes them for the published ones. */
export const demoSmallClaimsBasis =
  "示例数据 / demo figure: 应按本省上年度就业人员年平均工资的百分之五十配置（民事诉讼法第一百六十五条）";
