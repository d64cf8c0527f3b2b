import { defineCatalog } from "./catalog";

/** Names of the case aggregate's states and procedures, shown wherever a case appears. */
export const cases = defineCatalog({
  "zh-CN": {
    status: {
      mediation: "诉前调解",
      draft: "待提交",
      under_review: "立案审查中",
      correction_requested: "待补正材料",
      accepted: "已立案",
      service: "送达中",
      evidence_exchange: "证据交换",
      hearing: "审理中",
      judgment: "待宣判",
      appeal_window: "上诉期内",
      effective: "已生效",
      enforcement: "执行中",
      closed: "已结案",
      refused: "不予受理",
      withdrawn: "已撤诉",
      deemed_withdrawn: "按撤诉处理",
    },
    procedure: { ordinary: "普通程序", simplified: "简易程序", small_claims: "小额诉讼程序" },
  },
  en: {
    status: {
      mediation: "Pre-litigation mediation",
      draft: "Not yet submitted",
      under_review: "Filing under review",
      correction_requested: "Corrections requested",
      accepted: "Accepted",
      service: "Service of process",
      evidence_exchange: "Evidence exchange",
      hearing: "Being heard",
      judgment: "Awaiting judgment",
      appeal_window: "Within the appeal period",
      effective: "Effective",
      enforcement: "Enforcement",
      closed: "Closed",
      refused: "Not accepted",
      withdrawn: "Withdrawn",
      deemed_withdrawn: "Deemed withdrawn",
    },
    procedure: {
      ordinary: "Ordinary procedure",
      simplified: "Simplified procedure",
      small_claims: "Small claims",
    },
  },
});
