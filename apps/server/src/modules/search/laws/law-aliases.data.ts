/**
 * Short titles and common abbreviations of the laws courts cite most, with their English names.
 * `title` is the full official title; `aliases` are other names people write (with or without
 * 《》). Titles that merely drop the 中华人民共和国 prefix need no entry: that form is derived.
 * The repealed civil laws are listed too, so a citation of them is recognised and reported as
 * repealed (民法典第一千二百六十条) rather than as an unknown title.
 */
export interface LawAliasEntry {
  title: string;
  aliases: readonly string[];
  en: string;
}

export const LAW_ALIASES: readonly LawAliasEntry[] = [
  { title: "中华人民共和国民法典", aliases: ["民法典"], en: "Civil Code of the PRC" },
  { title: "中华人民共和国民事诉讼法", aliases: ["民诉法"], en: "Civil Procedure Law of the PRC" },
  { title: "中华人民共和国刑法", aliases: ["刑法"], en: "Criminal Law of the PRC" },
  { title: "中华人民共和国刑事诉讼法", aliases: ["刑诉法"], en: "Criminal Procedure Law of the PRC" },
  { title: "中华人民共和国行政诉讼法", aliases: ["行诉法"], en: "Administrative Procedure Law of the PRC" },
  { title: "中华人民共和国宪法", aliases: ["宪法"], en: "Constitution of the PRC" },
  {
    title: "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
    aliases: ["民诉法解释", "民诉解释", "民事诉讼法解释", "民诉法司法解释"],
    en: "SPC Interpretation on the Application of the Civil Procedure Law",
  },
  {
    title: "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释",
    aliases: ["刑诉法解释", "刑诉解释", "刑事诉讼法解释"],
    en: "SPC Interpretation on the Application of the Criminal Procedure Law",
  },
  {
    title: "最高人民法院关于适用《中华人民共和国行政诉讼法》的解释",
    aliases: ["行诉法解释", "行政诉讼法解释"],
    en: "SPC Interpretation on the Application of the Administrative Procedure Law",
  },
  {
    title: "最高人民法院关于民事诉讼证据的若干规定",
    aliases: ["民事证据规定", "民诉证据规定"],
    en: "SPC Provisions on Evidence in Civil Procedures",
  },
  {
    title: "最高人民法院关于互联网法院审理案件若干问题的规定",
    aliases: ["互联网法院规定"],
    en: "SPC Provisions on Several Issues Concerning the Trial of Cases by Internet Courts",
  },
  {
    title: "人民法院在线诉讼规则",
    aliases: ["在线诉讼规则"],
    en: "Online Litigation Rules of the People's Courts",
  },
  {
    title: "诉讼费用交纳办法",
    aliases: ["交费办法", "诉讼费交纳办法"],
    en: "Measures on the Payment of Litigation Costs",
  },
  {
    title: "最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
    aliases: ["民间借贷司法解释", "民间借贷规定"],
    en: "SPC Provisions on Private Lending Cases",
  },
  {
    title: "最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释",
    aliases: ["担保制度解释", "民法典担保制度解释"],
    en: "SPC Interpretation on the Security System under the Civil Code",
  },
  {
    title: "最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定",
    aliases: ["民法典时间效力规定"],
    en: "SPC Provisions on the Temporal Effect of the Civil Code",
  },
  { title: "中华人民共和国电子商务法", aliases: ["电商法"], en: "E-Commerce Law of the PRC" },
  { title: "中华人民共和国电子签名法", aliases: [], en: "Electronic Signature Law of the PRC" },
  { title: "中华人民共和国著作权法", aliases: ["版权法"], en: "Copyright Law of the PRC" },
  { title: "中华人民共和国商标法", aliases: [], en: "Trademark Law of the PRC" },
  { title: "中华人民共和国专利法", aliases: [], en: "Patent Law of the PRC" },
  { title: "中华人民共和国反不正当竞争法", aliases: [], en: "Anti-Unfair Competition Law of the PRC" },
  {
    title: "中华人民共和国消费者权益保护法",
    aliases: ["消法", "消保法", "消费者保护法"],
    en: "Law of the PRC on the Protection of Consumer Rights and Interests",
  },
  {
    title: "中华人民共和国个人信息保护法",
    aliases: ["个保法", "个人信息法"],
    en: "Personal Information Protection Law of the PRC",
  },
  { title: "中华人民共和国网络安全法", aliases: ["网安法"], en: "Cybersecurity Law of the PRC" },
  { title: "中华人民共和国数据安全法", aliases: [], en: "Data Security Law of the PRC" },
  { title: "中华人民共和国公司法", aliases: [], en: "Company Law of the PRC" },
  { title: "中华人民共和国劳动法", aliases: [], en: "Labour Law of the PRC" },
  { title: "中华人民共和国劳动合同法", aliases: ["劳合法"], en: "Labour Contract Law of the PRC" },
  {
    title: "中华人民共和国道路交通安全法",
    aliases: ["道交法", "道路交通法"],
    en: "Road Traffic Safety Law of the PRC",
  },
  { title: "中华人民共和国产品质量法", aliases: [], en: "Product Quality Law of the PRC" },
  { title: "中华人民共和国保险法", aliases: [], en: "Insurance Law of the PRC" },
  {
    title: "中华人民共和国治安管理处罚法",
    aliases: ["治安处罚法"],
    en: "Public Security Administration Punishments Law of the PRC",
  },
  { title: "中华人民共和国仲裁法", aliases: [], en: "Arbitration Law of the PRC" },
  { title: "中华人民共和国招标投标法", aliases: ["招投标法"], en: "Bidding Law of the PRC" },
  {
    title: "中华人民共和国税收征收管理法",
    aliases: ["税收征管法"],
    en: "Law of the PRC on the Administration of Tax Collection",
  },
  { title: "中华人民共和国人民调解法", aliases: [], en: "People's Mediation Law of the PRC" },
  // Repealed by 民法典第一千二百六十条 on 2021-01-01; kept so their citations are recognised.
  { title: "中华人民共和国合同法", aliases: ["合同法"], en: "Contract Law of the PRC" },
  { title: "中华人民共和国侵权责任法", aliases: ["侵权责任法", "侵权法"], en: "Tort Law of the PRC" },
  {
    title: "中华人民共和国民法通则",
    aliases: ["民法通则"],
    en: "General Principles of the Civil Law of the PRC",
  },
  {
    title: "中华人民共和国民法总则",
    aliases: ["民法总则"],
    en: "General Provisions of the Civil Law of the PRC",
  },
  { title: "中华人民共和国物权法", aliases: ["物权法"], en: "Property Law of the PRC" },
  { title: "中华人民共和国担保法", aliases: ["担保法"], en: "Security Law of the PRC" },
  { title: "中华人民共和国婚姻法", aliases: ["婚姻法"], en: "Marriage Law of the PRC" },
  { title: "中华人民共和国继承法", aliases: ["继承法"], en: "Succession Law of the PRC" },
  { title: "中华人民共和国收养法", aliases: ["收养法"], en: "Adoption Law of the PRC" },
];

/**
 * In-force dates the corpus does not state. An amendment decision sets its own commencement date,
 * which the consolidated text and its history lines omit; without these the version date (the day
 * of adoption) would be taken, which is wrong for these amendments.
 */
export const KNOWN_EFFECTIVE_DATES: ReadonlyArray<{
  title: string;
  versionDate: string;
  effectiveFrom: string;
}> = [
  // 全国人大常委会关于修改《民事诉讼法》的决定 (2021-12-24): 自2022年1月1日起施行.
  { title: "中华人民共和国民事诉讼法", versionDate: "2021-12-24", effectiveFrom: "2022-01-01" },
  // 全国人大常委会关于修改《民事诉讼法》的决定 (2023-09-01): 自2024年1月1日起施行.
  { title: "中华人民共和国民事诉讼法", versionDate: "2023-09-01", effectiveFrom: "2024-01-01" },
];
