/**
 * The personal data a published judgment must not carry (最高人民法院关于人民法院在互联网公布裁判文书的规定,
 * 法释〔2016〕19号第十条第一款第一项、第二项): natural persons' home address, contact details, identity card
 * numbers, bank accounts, vehicle plate numbers and certificates of title to movable or immovable
 * property; legal persons' bank accounts, plates and certificate numbers. Each finder returns the spans
 * to delete; the county of a natural person's residence stays (第十一条第一项).
 */

export type PersonalDataKind =
  "id_number" | "phone" | "email" | "bank_account" | "plate_number" | "certificate_number" | "address";

export interface Span {
  start: number;
  end: number;
  kind: PersonalDataKind;
  /** What replaces the span: "×" marks keep the sentence readable where plain deletion would not (第十条第二款). */
  replacement: string;
}

/** The mark a deleted number leaves, so that "身份证号码×××" still reads (第十条第二款). */
export const DELETED = "×××";

const DIGIT_BOUNDARY_BEFORE = "(?<![0-9A-Za-z])";
const DIGIT_BOUNDARY_AFTER = "(?![0-9A-Za-z])";

/**
 * 18-digit resident identity numbers (GB 11643; the check character X also written full-width, Ｘ) and the
 * older 15-digit ones, with a plausible birth date.
 */
const ID_NUMBER = new RegExp(
  `${DIGIT_BOUNDARY_BEFORE}(?:[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXxＸｘ]` +
    `|[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3})${DIGIT_BOUNDARY_AFTER}`,
  "g",
);

/** Mainland mobile numbers (with an optional +86) and landlines written with their area code. */
const PHONE = new RegExp(
  `${DIGIT_BOUNDARY_BEFORE}(?:(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}|0\\d{2,3}[-－—]\\d{7,8}(?:[-－—]\\d{1,5})?)${DIGIT_BOUNDARY_AFTER}`,
  "g",
);

/** A run of digits after a label that names contact details: 电话：87654321. */
const LABELLED_PHONE =
  /(?:电话|手机|联系方式|联系电话|手机号码?|电话号码|微信号?|QQ号?)[：:为是]?\s*([0-9][0-9 -]{5,18}[0-9])/g;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** 12–19 digits (spaces allowed) after a word that names an account or a card. */
const BANK_ACCOUNT =
  /(?:账号|帐号|账户|帐户|卡号|银行卡|借记卡|信用卡|存折|收款账|付款账)[^0-9，。；,;]{0,12}?((?:\d[ -]?){11,18}\d)(?!\d)/g;

/**
 * An account number named by what follows or precedes it rather than by a label before it:
 * "武汉分行70160155200003830账户", "侯马支行的147959266055账户" (第十条第一款第二项: legal persons' accounts too).
 */
const BANK_ACCOUNT_BY_CONTEXT =
  /(?:(?:银行|分行|支行|分理处|营业部|信用社|储蓄所)的?)?(?<![0-9A-Za-z])(\d{12,19})(?![0-9A-Za-z])(?=的?(?:账户|帐户|账号|帐号|银行卡|存折))|(?:银行|分行|支行|分理处|营业部|信用社|储蓄所)的?(?<![0-9A-Za-z])(\d{12,19})(?![0-9A-Za-z.])/g;

const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
/** Vehicle plates (GA 36): 浙A12345, 浙AD12345 (new energy), 浙A1234学/挂/警. */
const PLATE = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Z][·•.]?(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳])(?![A-Za-z0-9])`,
  "g",
);

/** Certificates of title: 浙（2020）杭州市不动产权第0123456号, 杭房权证西移字第12345678号, 证号 after a certificate. */
const CERTIFICATE = new RegExp(
  [
    `[${PROVINCES}][（(]\\d{4}[）)][\\u4e00-\\u9fa5]{0,10}不动产(?:权|证明)第\\d{4,}号`,
    "[\\u4e00-\\u9fa5]?(?:房权证|房产证|房地证|土地证|国用|集用|林权证)[\\u4e00-\\u9fa5（）()\\d]{0,12}?第?[A-Za-z0-9-]{4,}号",
    "(?:不动产权证书?|房屋所有权证|房产证|土地使用权证|机动车登记证书|车辆登记证书?|行驶证|产权证)(?:号|编号|号码)[：:为是]?\\s*[A-Za-z0-9-]{5,}",
    // 镇政林证字（2009）第2801001282号林权证: the number of a certificate written before its name.
    "[\\u4e00-\\u9fa5]{1,6}证字[（(]\\d{4}[）)]第?[A-Za-z0-9-]{4,}号",
    "第?[A-Za-z0-9-]{4,}号(?=林权证|房产证|房权证|土地证|不动产权证|房屋所有权证|产权证)",
  ].join("|"),
  "g",
);

const ADDRESS_LABEL =
  /(?:(?<=[，,；;、（()）\s])(?:住址|住)|(?<![自本])家住|现住|暂住|户籍(?:所在)?地(?:及(?:经常)?居住地)?|(?:经常)?居住地|居住(?=[于在]))[：:在于为]?/g;
const ADDRESS_BODY = /[\u4e00-\u9fa5][^，。；,;（()）\n]{1,59}/y;
/** An address names an administrative unit; 住院治疗 and 住在一楼的房间 do not. */
const ADDRESS_UNIT = /[省市县区镇乡村旗盟州]|街道|社区/;
/**
 * The part of an address to keep: province, prefecture and county (第十一条第一项: 住所地所属县、区).
 * Municipalities and autonomous regions count as provinces; a county-level city ends the prefix.
 */
const COUNTY_PREFIX =
  /^(?:[\u4e00-\u9fa5]{2,8}?(?:省|自治区)|北京市|天津市|上海市|重庆市|本市)?(?:[\u4e00-\u9fa5]{2,8}?(?:市|自治州|州|盟|地区)(?![镇乡村街路]))?(?:[\u4e00-\u9fa5]{1,8}?(?<![小社校厂营景园])(?:区|县|自治县|市|旗|自治旗))?/;

/** A place finer than the county; a number or room only after a numeral: 141号, 902室, 十三组 — not 编号. */
const FINE_UNIT =
  "(?:(?<=[\\d〇零一二三四五六七八九十百])(?:号|室|栋|幢|层|组)|村|单元|小区|苑|巷|楼|路|街|弄|屯|庄|乡|镇|园|社区|街道)";
/** A character of an address or of its owner's name: no preposition, pronoun or verb (我就带着胡某去了那村). */
const ADDRESS_CHAR =
  "(?:(?![在于到从至和与及的其我你他她们就了去把被将是也又再还说称找着已并而但只该某])[\\u4e00-\\u9fa5A-Za-z0-9\\-－*＊×])";
/** The owner between an address and the word for the home (金某, 李晓青的): a name, so no unit in it. */
const OWNER = `(?:其|他|她|(?:(?![在于到从至和与及的其我你他她们就了去把被将是也又再还说称找着已并而但只该村组号室栋幢苑巷楼层路街弄屯庄乡镇园])[\\u4e00-\\u9fa5]){2,6})`;
/** A place finer than the county: words up to a unit, then more up to a last unit or number (北楼3单元202室). */
const FINE_PLACE = `${ADDRESS_CHAR}{1,30}?${FINE_UNIT}(?:${ADDRESS_CHAR}{0,20}(?:${FINE_UNIT}|\\d)口?)?`;
/** Words for someone's home: 家中, 住处, 租住房 … (not 老房子 alone: 在一老房子处 is a place, not a home). */
const HOME = "(?:家中|家里|家门口|家院|家房屋?|家老房|家老宅|住处|住宅|租住房|租住处|出租屋|暂住处|老宅)";
/**
 * A home named in the facts: "在其居住的三台县西平镇中新街97号家中", "位于介休市秀南怡苑5号楼3单元202的家中",
 * "在北王力村金某家门口", "桃源盛景小区1栋902室李晓青的租住房内" — a place finer than the county right before a
 * word for someone's home, maybe with its owner between. It is the home address 第十条 deletes; a place that
 * is not said to be a home (the scene of a fight in the street) stays.
 */
const HOME_ADDRESS = new RegExp(
  `(?<=^|[在于到从至和与及的、，,。；;：:\\s（(])(${FINE_PLACE})(?:的?${OWNER}\\d?)??的?${HOME}`,
  "g",
);
/** A home named by the verb before it: "在其租住的本市城区北岭坡气象局小区房间内", "租住在那大镇文化中路一街". */
const RESIDENCE_ADDRESS = new RegExp(`(?:租住|居住|暂住)(?:的|在|于)(${FINE_PLACE})`, "g");
/**
 * A dwelling by its building and room, "市府路南一巷7栋103室", "5号楼3单元202室": a flat is someone's home
 * whatever the sentence says about it.
 */
const DWELLING_ADDRESS = new RegExp(
  `(?<=^|[在于到从至和与及的将、，,。；;：:\\s（(]|到达)(?!(?<=到)达)(${ADDRESS_CHAR}{0,30}?\\d+(?:栋|幢|号楼)(?:\\d+单元)?\\d+(?:室|号房))`,
  "g",
);

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    yield m;
    if (m[0].length === 0) pattern.lastIndex += 1;
  }
}

function groupSpan(m: RegExpExecArray, group: number): { start: number; end: number } {
  const value = m[group] ?? m[0];
  const start = m.index + m[0].lastIndexOf(value);
  return { start, end: start + value.length };
}

/** The part of an address after its county (第十一条第一项 keeps the county), or null when nothing is finer. */
function beyondCounty(body: string): { offset: number; length: number } | null {
  const kept = COUNTY_PREFIX.exec(body)?.[0] ?? "";
  return kept.length >= body.length ? null : { offset: kept.length, length: body.length - kept.length };
}

/**
 * A natural person's address: the county stays, the rest is deleted — where the text gives it with a label
 * (住, 户籍地 …) or names it as someone's home, and then everywhere the same address recurs.
 */
function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [HOME_ADDRESS, RESIDENCE_ADDRESS, DWELLING_ADDRESS])
    for (const m of matches(pattern, text)) {
      const part = beyondCounty(m[1]!);
      if (part) {
        const start = m.index + m[0].indexOf(m[1]!) + part.offset;
        spans.push({ start, end: start + part.length, kind: "address", replacement: "" });
      }
    }
  for (const label of matches(ADDRESS_LABEL, text)) {
    // "住所地" introduces a legal person's seat, which is published (第十一条第二项).
    if (text.startsWith("所地", label.index + 1) || text.startsWith("所", label.index + 1)) continue;
    ADDRESS_BODY.lastIndex = label.index + label[0].length;
    const body = ADDRESS_BODY.exec(text);
    if (!body || !ADDRESS_UNIT.test(body[0])) continue;
    const kept = COUNTY_PREFIX.exec(body[0])?.[0] ?? "";
    if (kept.length >= body[0].length) continue;
    spans.push({
      start: body.index + kept.length,
      end: body.index + body[0].length,
      kind: "address",
      replacement: "",
    });
  }
  // An address found once is deleted wherever it recurs (在新安县磁涧镇礼河村十三组，发现其老宅).
  const found = new Set(spans.map((span) => text.slice(span.start, span.end)).filter((a) => a.length >= 4));
  for (const address of found)
    for (let at = text.indexOf(address); at >= 0; at = text.indexOf(address, at + address.length))
      spans.push({ start: at, end: at + address.length, kind: "address", replacement: "" });
  return spans;
}

/** Every span of personal data in `text`, earliest first, overlaps resolved in favour of the longer span. */
export function findPersonalData(text: string): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, kind: PersonalDataKind, replacement = DELETED) =>
    spans.push({ start, end, kind, replacement });
  for (const m of matches(ID_NUMBER, text)) add(m.index, m.index + m[0].length, "id_number");
  for (const m of matches(PHONE, text)) add(m.index, m.index + m[0].length, "phone");
  for (const m of matches(LABELLED_PHONE, text)) {
    const { start, end } = groupSpan(m, 1);
    add(start, end, "phone");
  }
  for (const m of matches(EMAIL, text)) add(m.index, m.index + m[0].length, "email");
  for (const m of matches(BANK_ACCOUNT, text)) {
    const { start, end } = groupSpan(m, 1);
    add(start, end, "bank_account");
  }
  for (const m of matches(BANK_ACCOUNT_BY_CONTEXT, text)) {
    const { start, end } = groupSpan(m, m[1] === undefined ? 2 : 1);
    add(start, end, "bank_account");
  }
  for (const m of matches(PLATE, text)) add(m.index, m.index + m[0].length, "plate_number");
  for (const m of matches(CERTIFICATE, text)) add(m.index, m.index + m[0].length, "certificate_number");
  spans.push(...addressSpans(text));
  return resolveOverlaps(spans);
}

/** Keeps, of overlapping spans, the one starting first (the longer on a tie); the rest are dropped. */
export function resolveOverlaps<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end && span.start === last.start) kept[kept.length - 1] = span;
      continue;
    }
    kept.push(span);
  }
  return kept;
}
