/**
 * Chinese surnames, to tell a person's name from other words after a role (被害人王某 vs 被害人陈述) and to
 * keep the surname when a name is replaced (法释〔2016〕19号第九条: 保留姓氏，名字以"某"替代). Compound
 * surnames first, so 欧阳娜娜 keeps 欧阳.
 */
const COMPOUND = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "钟离",
  "闾丘",
  "端木",
  "澹台",
  "公冶",
  "宗政",
  "濮阳",
  "淳于",
  "单于",
  "太叔",
  "申屠",
  "赫连",
  "南宫",
  "呼延",
  "百里",
  "东郭",
  "西门",
  "第五",
  "万俟",
  "拓跋",
  "独孤",
  "完颜",
  "司空",
  "左丘",
];

const SINGLE =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢" +
  "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温" +
  "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍" +
  "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑" +
  "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟" +
  "邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹" +
  "井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印" +
  "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由" +
  "律凃续仵逄郗雒郦钮";

const SINGLE_SET = new Set([...SINGLE]);

/** The surname a name begins with, or null when it begins with none we know. */
export function surnameOf(name: string): string | null {
  for (const compound of COMPOUND)
    if (name.startsWith(compound) && name.length > compound.length) return compound;
  const first = [...name][0];
  return first !== undefined && SINGLE_SET.has(first) ? first : null;
}
