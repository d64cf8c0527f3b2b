// Publication of judgments on the Internet (最高人民法院关于人民法院在互联网公布裁判文书的规定): anonymisation of
// the text (names the rules protect, personal data) with every change recorded for the reviewer.
export { anonymiseJudgment, type AnonymisedJudgment, type Change } from "./anonymise/anonymise";
export { surnameOf } from "./anonymise/surnames";
export { runAnonymiseCommand } from "./publication.cli";
