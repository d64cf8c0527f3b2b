import { formatDate, formatDateTime, formatMoney, type Locale } from "@netcourt/shared";

type Template = (params: Record<string, unknown>) => string;

/**
 * Platform inbox messages by kind, in both languages (the UI may re-render them from kind and params).
 * Params carry raw values — court days as `YYYY-MM-DD`, fees as yuan numbers — and the templates write
 * them with the shared formatter, so a message reads like the pages in the reader's language.
 */
export const inboxTemplates = {
  filing_submitted: {
    "zh-CN": {
      title: () => "起诉材料已提交",
      body: (p) =>
        `您向${s(p.courtNameZh)}提交的起诉材料已收到，法院将在${day(p.reviewDueOn, "zh-CN")}前完成立案审查。请在${day(p.feeDueOn, "zh-CN")}前交纳诉讼费${money(p.fee, "zh-CN")}。案件查询码：${s(p.queryCode)}。`,
    },
    en: {
      title: () => "Complaint submitted",
      body: (p) =>
        `${s(p.courtNameEn)} received your complaint and will decide on registration by ${day(p.reviewDueOn, "en")}. Please pay the fee of ${money(p.fee, "en")} by ${day(p.feeDueOn, "en")}. Progress query code: ${s(p.queryCode)}.`,
    },
  },
  filing_to_review: {
    "zh-CN": {
      title: () => "新的立案申请待审查",
      body: (p) => `${s(p.title)}，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "New filing to review",
      body: (p) => `${s(p.title)}; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  fee_paid: {
    "zh-CN": { title: () => "诉讼费已交纳", body: (p) => `已收到诉讼费${money(p.fee, "zh-CN")}。` },
    en: { title: () => "Fee paid", body: (p) => `The fee of ${money(p.fee, "en")} was received.` },
  },
  correction_requested: {
    "zh-CN": {
      title: () => "请补正起诉材料",
      body: (p) =>
        `法院要求补正：${sentence(list(p.items, "；"), "zh")}${p.note ? `说明：${sentence(s(p.note), "zh")}` : ""}补正后立案审查期限重新计算。`,
    },
    en: {
      title: () => "Please complete your complaint",
      body: (p) =>
        `The court asks you to correct: ${sentence(list(p.items, "; "), "en")}${p.note ? ` Note: ${sentence(s(p.note), "en")}` : ""} The review period restarts once you resubmit.`,
    },
  },
  correction_submitted: {
    "zh-CN": {
      title: () => "补正材料已提交",
      body: (p) => `${s(p.title)}已补正，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Correction submitted",
      body: (p) => `${s(p.title)} was corrected; decide by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  filing_accepted: {
    "zh-CN": {
      title: () => "已立案",
      body: (p) => `您的案件已立案，案号${s(p.caseNumber)}，承办法官${s(p.judgeName)}。`,
    },
    en: {
      title: () => "Case registered",
      body: (p) => `Your case was registered as ${s(p.caseNumber)}; judge in charge: ${s(p.judgeName)}.`,
    },
  },
  case_assigned: {
    "zh-CN": { title: () => "新收案件", body: (p) => `${s(p.caseNumber)} ${s(p.title)} 已分配给您承办。` },
    en: {
      title: () => "New case assigned",
      body: (p) => `${s(p.caseNumber)} ${s(p.title)} was assigned to you.`,
    },
  },
  case_linked: {
    "zh-CN": {
      title: () => "您是一起案件的当事人",
      body: (p) => `${s(p.courtNameZh)}已立案${s(p.caseNumber)}，您为当事人，可在平台查看。`,
    },
    en: {
      title: () => "You are a party to a case",
      body: (p) =>
        `${s(p.courtNameEn)} registered case ${s(p.caseNumber)} in which you are a party; you can follow it here.`,
    },
  },
  complaint_served: {
    "zh-CN": {
      title: () => "起诉状副本已送达被告",
      body: (p) => `${s(p.caseNumber)}：起诉状副本、应诉通知书和举证通知书已向被告发送。`,
    },
    en: {
      title: () => "Complaint served on the defendant",
      body: (p) =>
        `${s(p.caseNumber)}: the complaint, the notice to respond and the notice on evidence were sent to the defendant.`,
    },
  },
  answer_submitted: {
    "zh-CN": {
      title: () => "被告已提交答辩状",
      body: (p) => `${s(p.caseNumber)}：${s(p.partyName)}已提交答辩状。`,
    },
    en: {
      title: () => "The defendant answered",
      body: (p) => `${s(p.caseNumber)}: ${s(p.partyName)} filed an answer.`,
    },
  },
  jurisdiction_objection_filed: {
    "zh-CN": {
      title: () => "当事人提出管辖权异议",
      body: (p) => `${s(p.caseNumber)}：${s(p.partyName)}对管辖权提出异议，法院将以裁定作出处理。`,
    },
    en: {
      title: () => "Objection to jurisdiction",
      body: (p) =>
        `${s(p.caseNumber)}: ${s(p.partyName)} objected to the court's jurisdiction; the court will rule on it.`,
    },
  },
  jurisdiction_ruled: {
    "zh-CN": {
      title: () => "管辖权异议已裁定",
      body: (p) =>
        `${s(p.caseNumber)}：管辖权异议${p.outcome === "upheld" ? "成立，本案将移送有管辖权的法院" : "不成立，已裁定驳回"}。不服裁定的，可以在裁定书送达之日起十日内提起上诉。`,
    },
    en: {
      title: () => "Ruling on the objection to jurisdiction",
      body: (p) =>
        `${s(p.caseNumber)}: the objection to jurisdiction was ${p.outcome === "upheld" ? "upheld; the case will be transferred to the competent court" : "dismissed"}. An appeal may be lodged within 10 days of service of the ruling.`,
    },
  },
  case_transferred: {
    "zh-CN": {
      title: () => "案件已移送管辖",
      body: (p) =>
        `${s(p.caseNumber)}：管辖权异议成立的裁定已发生法律效力，本院已将本案移送${s(p.receivingCourtName)}审理。此后诉讼活动请向受移送法院办理。`,
    },
    en: {
      title: () => "Case transferred",
      body: (p) =>
        `${s(p.caseNumber)}: the ruling upholding the objection to jurisdiction has taken effect and the case has been transferred to ${s(p.receivingCourtName)}. Please take further steps with that court.`,
    },
  },
  counterclaim_filed: {
    "zh-CN": {
      title: () => "被告提起反诉",
      body: (p) =>
        `${s(p.caseNumber)}：${s(p.partyName)}提起反诉，反诉案件受理费${money(p.fee, "zh-CN")}，应于${day(p.feeDueOn, "zh-CN")}前交纳。`,
    },
    en: {
      title: () => "Counterclaim filed",
      body: (p) =>
        `${s(p.caseNumber)}: ${s(p.partyName)} filed a counterclaim; its fee of ${money(p.fee, "en")} is due by ${day(p.feeDueOn, "en")}.`,
    },
  },
  counterclaim_fee_paid: {
    "zh-CN": {
      title: () => "反诉费已交纳",
      body: (p) =>
        `${s(p.caseNumber)}：已收到${s(p.partyName)}交纳的反诉案件受理费${money(p.fee, "zh-CN")}。`,
    },
    en: {
      title: () => "Counterclaim fee paid",
      body: (p) =>
        `${s(p.caseNumber)}: the counterclaim fee of ${money(p.fee, "en")} paid by ${s(p.partyName)} was received.`,
    },
  },
  counterclaim_deemed_withdrawn: {
    "zh-CN": {
      title: () => "反诉按撤诉处理",
      body: (p) =>
        `${s(p.caseNumber)}：${s(p.partyName)}未在期限内交纳反诉案件受理费，反诉按撤诉处理（民诉法解释第二百一十三条），本诉继续审理。`,
    },
    en: {
      title: () => "Counterclaim treated as withdrawn",
      body: (p) =>
        `${s(p.caseNumber)}: ${s(p.partyName)} did not pay the counterclaim fee in time, so the counterclaim is treated as withdrawn (SPC interpretation art. 213); the action goes on.`,
    },
  },
  agent_revoked: {
    "zh-CN": {
      title: () => "委托代理已解除",
      body: (p) => `${s(p.caseNumber)}：当事人已解除对您的诉讼代理委托。`,
    },
    en: {
      title: () => "Agency revoked",
      body: (p) => `${s(p.caseNumber)}: the party has revoked your authority as agent ad litem.`,
    },
  },
  filing_refused: {
    "zh-CN": {
      title: (p) => (p.instrument === "notice" ? "不予立案告知" : "不予受理"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "经审查，您的纠纷依法应通过其他途径解决，法院不予立案，并已出具告知书告知您应当如何处理。"
            : `法院裁定对您的起诉不予受理${p.caseNumber ? `（${s(p.caseNumber)}）` : ""}。`
        }${
          groundsOf(p).length > 0
            ? `依据：${groundsOf(p)
                .map((g) => `《中华人民共和国民事诉讼法》${g.articleZh}（${g.zh}）`)
                .join("；")}。`
            : ""
        }理由：${sentence(s(p.reason), "zh")}${
          p.instrument === "notice"
            ? "告知书见案件页面的“文书”。"
            : "如不服，可在裁定书送达之日起十日内提起上诉。"
        }`,
    },
    en: {
      title: (p) => (p.instrument === "notice" ? "Suit not registered: where to go" : "Suit not accepted"),
      body: (p) =>
        `${
          p.instrument === "notice"
            ? "The law sends this dispute elsewhere, so the court will not register your suit; its notice tells you where to go."
            : `The court ruled not to accept your suit${p.caseNumber ? ` (${s(p.caseNumber)})` : ""}.`
        }${
          groundsOf(p).length > 0
            ? ` Grounds: ${groundsOf(p)
                .map((g) => `Civil Procedure Law, ${g.articleEn} (${g.en})`)
                .join("; ")}.`
            : ""
        } Reasons: ${sentence(s(p.reason), "en")} ${
          p.instrument === "notice"
            ? "The notice is under Documents on the case page."
            : "You may appeal within ten days of service of the ruling."
        }`,
    },
  },
  filing_withdrawn: {
    "zh-CN": { title: () => "已撤回起诉", body: () => "您已撤回起诉。" },
    en: { title: () => "Complaint withdrawn", body: () => "You withdrew the complaint." },
  },
  filing_deemed_withdrawn: {
    "zh-CN": {
      title: () => "按撤诉处理",
      body: () => "您未在期限内交纳诉讼费，本案按撤诉处理（民诉法解释第二百一十三条）。",
    },
    en: {
      title: () => "Treated as withdrawn",
      body: () =>
        "The fee was not paid in time, so the suit is treated as withdrawn (SPC interpretation art. 213).",
    },
  },
  document_served: {
    "zh-CN": {
      title: (p) => `送达：${servedLabel(p.kind, "zh-CN")}`,
      body: (p) =>
        `${s(p.courtNameZh)}向您送达${s(p.caseNumber) ? `（${s(p.caseNumber)}）` : ""}${servedLabel(p.kind, "zh-CN")}。请登录后查阅：${s(p.link)}${
          p.addressBasis === "confirmed"
            ? "。本通知到达您确认的送达地址即视为送达（《人民法院在线诉讼规则》第三十一条）。"
            : "。您打开查阅之日即为送达之日（《人民法院在线诉讼规则》第三十一条）。"
        }`,
    },
    en: {
      title: (p) => `Served on you: ${servedLabel(p.kind, "en")}`,
      body: (p) =>
        `${s(p.courtNameEn)} serves on you the ${servedLabel(p.kind, "en")}${s(p.caseNumber) ? ` in ${s(p.caseNumber)}` : ""}. Sign in to read it: ${s(p.link)}. ${
          p.addressBasis === "confirmed"
            ? "Service is complete when this notice reaches the address you confirmed (Online Litigation Rules, Art. 31)."
            : "Service is complete on the day you open it (Online Litigation Rules, Art. 31)."
        }`,
    },
  },
  mediator_assigned: {
    "zh-CN": {
      title: () => "新的调解指派",
      body: (p) =>
        `法院指派您调解“${s(p.title)}”。请在${day(p.acceptanceDueOn, "zh-CN")}前接受或拒绝指派（人民法院在线调解规则第十二条）。`,
    },
    en: {
      title: () => "New mediation assigned to you",
      body: (p) =>
        `The court has assigned you to mediate "${s(p.title)}". Please accept or decline by ${day(p.acceptanceDueOn, "en")}.`,
    },
  },
  mediation_mediator_named: {
    "zh-CN": {
      title: () => "已指派调解员",
      body: (p) => `法院已为您的纠纷指派调解员${s(p.mediatorName)}，调解员接受指派后即开始调解。`,
    },
    en: {
      title: () => "Mediator appointed",
      body: (p) =>
        `The court has appointed ${s(p.mediatorName)} to mediate your dispute; mediation starts once the mediator accepts.`,
    },
  },
  mediation_accepted: {
    "zh-CN": {
      title: () => "调解开始",
      body: (p) =>
        `调解员已接受“${s(p.title)}”的调解，调解期限至${day(p.periodEndsOn, "zh-CN")}。请进入调解室参与调解。`,
    },
    en: {
      title: () => "Mediation has started",
      body: (p) =>
        `The mediator has taken on "${s(p.title)}". The mediation runs until ${day(p.periodEndsOn, "en")}; join it in the mediation room.`,
    },
  },
  mediation_to_appoint: {
    "zh-CN": {
      title: () => "待指派调解员",
      body: (p) => `“${s(p.title)}”待指派调解员，请在${day(p.appointmentDueOn, "zh-CN")}前指派。`,
    },
    en: {
      title: () => "Mediator to appoint",
      body: (p) =>
        `"${s(p.title)}" needs a mediator. Please appoint one by ${day(p.appointmentDueOn, "en")}.`,
    },
  },
  mediation_mediator_declined: {
    "zh-CN": {
      title: () => "调解员未接受指派",
      body: (p) => `调解员未接受指派${p.reason ? `（理由：${s(p.reason)}）` : ""}，法院将另行指派调解员。`,
    },
    en: {
      title: () => "The mediator declined",
      body: (p) =>
        `The mediator declined the assignment${p.reason ? ` (reason: ${s(p.reason)})` : ""}; the court will appoint another mediator.`,
    },
  },
  mediation_consent_requested: {
    "zh-CN": {
      title: () => "邀请您参加调解",
      body: (p) =>
        `对方当事人就“${s(p.title)}”申请调解，请进入调解室选择是否同意调解（人民法院在线调解规则第四条：调解须经当事人同意）。`,
    },
    en: {
      title: () => "You are invited to mediation",
      body: (p) =>
        `The other side has applied for mediation of "${s(p.title)}". Open the mediation to say whether you agree: mediation needs every party's consent.`,
    },
  },
  mediation_consent_given: {
    "zh-CN": {
      title: () => "对方同意调解",
      body: (p) =>
        p.all === true ? "各方当事人均已同意调解。" : "一方当事人已同意调解，尚待其他当事人答复。",
    },
    en: {
      title: () => "Consent to mediation",
      body: (p) =>
        p.all === true
          ? "Every party has agreed to mediation."
          : "A party has agreed to mediation; the others have yet to answer.",
    },
  },
  mediation_document_added: {
    "zh-CN": {
      title: () => "调解材料更新",
      body: (p) => `调解室新增材料：${s(p.title)}。`,
    },
    en: {
      title: () => "New mediation document",
      body: (p) => `A document was added to the mediation: ${s(p.title)}.`,
    },
  },
  mediation_message: {
    "zh-CN": {
      title: () => "调解室新消息",
      body: (p) => `${s(p.authorName)}在调解室发送了新消息。`,
    },
    en: {
      title: () => "New message in the mediation",
      body: (p) => `${s(p.authorName)} wrote in the mediation room.`,
    },
  },
  mediation_offer_made: {
    "zh-CN": {
      title: () => "新的调解方案",
      body: (p) =>
        `${p.isCounter === true ? "对方提出了反提议" : "对方提出了调解方案"}，金额${money(p.amount, "zh-CN")}。请在调解室答复。`,
    },
    en: {
      title: () => "New settlement offer",
      body: (p) =>
        `The other side ${p.isCounter === true ? "made a counter-offer" : "made an offer"} of ${money(p.amount, "en")}. Answer it in the mediation room.`,
    },
  },
  mediation_offer_answered: {
    "zh-CN": {
      title: () => "调解方案已答复",
      body: (p) =>
        `您提出的金额为${money(p.amount, "zh-CN")}的调解方案已被对方${p.answer === "accepted" ? "接受" : "拒绝"}。`,
    },
    en: {
      title: () => "Offer answered",
      body: (p) =>
        `The other side ${p.answer === "accepted" ? "accepted" : "rejected"} your offer of ${money(p.amount, "en")}.`,
    },
  },
  mediation_session_scheduled: {
    "zh-CN": {
      title: () => "调解安排",
      body: (p) =>
        `调解员安排于${moment(p.startsAt, "zh-CN")}进行调解${p.videoUrl ? `，视频链接：${s(p.videoUrl)}` : ""}。`,
    },
    en: {
      title: () => "Mediation session scheduled",
      body: (p) =>
        `The mediator has scheduled a session at ${moment(p.startsAt, "en")}${p.videoUrl ? `; video link: ${s(p.videoUrl)}` : ""}.`,
    },
  },
  mediation_extension_proposed: {
    "zh-CN": {
      title: () => "延长调解期限的提议",
      body: (p) =>
        `有当事人提议将调解期限延长${s(p.days)}日，请在调解室表示是否同意（人民法院在线调解规则第二十条）。`,
    },
    en: {
      title: () => "Longer mediation proposed",
      body: (p) =>
        `A party proposes extending the mediation by ${s(p.days)} days. Say in the mediation room whether you agree.`,
    },
  },
  mediation_period_extended: {
    "zh-CN": {
      title: () => "调解期限已延长",
      body: (p) => `各方同意延长调解期限${s(p.days)}日，调解期限至${day(p.periodEndsOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Mediation extended",
      body: (p) =>
        `Every party agreed to extend the mediation by ${s(p.days)} days; it now runs until ${day(p.periodEndsOn, "en")}.`,
    },
  },
  mediation_extension_refused: {
    "zh-CN": {
      title: () => "未延长调解期限",
      body: (p) => `延长调解期限${s(p.days)}日的提议未获各方同意，调解期限不变。`,
    },
    en: {
      title: () => "Mediation not extended",
      body: (p) =>
        `The proposal to extend the mediation by ${s(p.days)} days was not agreed by every party; the period stays as it was.`,
    },
  },
  mediation_ended: {
    "zh-CN": {
      title: () => "调解结束",
      body: (p) => {
        const how =
          p.outcome === "withdrawn"
            ? "申请人撤回了调解申请"
            : p.outcome === "lapsed"
              ? "调解期限届满，未达成调解协议"
              : p.outcome === "refused_by_other_side"
                ? "对方当事人不同意调解"
                : "调解不成";
        const next =
          p.origin === "offered_at_filing"
            ? "您的起诉将按原提交日期继续立案审查。"
            : "您可以选择向法院起诉。";
        return `“${s(p.title)}”的调解已结束：${how}${p.reason ? `（${s(p.reason)}）` : ""}。${next}`;
      },
    },
    en: {
      title: () => "Mediation ended",
      body: (p) => {
        const how =
          p.outcome === "withdrawn"
            ? "the applicant withdrew"
            : p.outcome === "lapsed"
              ? "the period ended without an agreement"
              : p.outcome === "refused_by_other_side"
                ? "the other side did not agree to mediation"
                : "no agreement was reached";
        const next =
          p.origin === "offered_at_filing"
            ? "Your complaint goes on to review with its original submission date."
            : "You may file a suit with the court.";
        return `The mediation of "${s(p.title)}" has ended: ${how}${p.reason ? ` (${s(p.reason)})` : ""}. ${next}`;
      },
    },
  },
  mediation_referred: {
    "zh-CN": {
      title: () => "纠纷已转立案",
      body: (p) =>
        `“${s(p.title)}”调解不成，已转为起诉，调解中的当事人、诉讼请求和证据已带入起诉材料。法院将在${day(p.reviewDueOn, "zh-CN")}前完成立案审查。`,
    },
    en: {
      title: () => "Dispute referred to filing",
      body: (p) =>
        `"${s(p.title)}" was not settled and is now a complaint, with the parties, claims and evidence of the mediation carried over. The court will decide on registration by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  mediation_offered: {
    "zh-CN": {
      title: () => "法院建议先行调解",
      body: (p) =>
        `法院建议您的起诉“${s(p.title)}”在立案前先行调解${p.note ? `（${s(p.note)}）` : ""}。请在案件页面选择同意或不同意；不同意的，起诉按原提交日期继续立案审查（民事诉讼法第一百二十五条）。`,
    },
    en: {
      title: () => "The court suggests mediation first",
      body: (p) =>
        `The court suggests mediating "${s(p.title)}" before registration${p.note ? ` (${s(p.note)})` : ""}. Say on the case page whether you agree; if not, your complaint goes on to review with its original submission date.`,
    },
  },
  mediation_offer_declined: {
    "zh-CN": {
      title: () => "不同意诉前调解",
      body: (p) =>
        `当事人不同意对“${s(p.title)}”先行调解，起诉继续立案审查，审查期限至${day(p.reviewDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Mediation declined",
      body: (p) =>
        `Mediation of "${s(p.title)}" was declined; the complaint goes on to review, due by ${day(p.reviewDueOn, "en")}.`,
    },
  },
  agreement_drafted: {
    "zh-CN": {
      title: () => "调解协议待签署",
      body: (p) =>
        `调解员已制作调解协议（第${s(p.version)}稿），请阅读后在线签署。各方当事人均签署后协议生效。`,
    },
    en: {
      title: () => "Mediation agreement to sign",
      body: (p) =>
        `The mediator has drawn up the mediation agreement (draft ${s(p.version)}). Read it and sign online; it takes effect once every party has signed.`,
    },
  },
  agreement_signed: {
    "zh-CN": { title: () => "调解协议已签署", body: (p) => `${s(p.signerName)}已在线签署调解协议。` },
    en: {
      title: () => "Mediation agreement signed",
      body: (p) => `${s(p.signerName)} signed the mediation agreement online.`,
    },
  },
  agreement_effective: {
    "zh-CN": {
      title: () => "调解协议已生效",
      body: (p) =>
        `各方已签署调解协议，协议自${day(p.effectiveOn, "zh-CN")}起生效，请按约定履行。双方当事人可以在${day(p.applicationDueOn, "zh-CN")}前共同申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。`,
    },
    en: {
      title: () => "Mediation agreement in effect",
      body: (p) =>
        `Every party signed; the agreement took effect on ${day(p.effectiveOn, "en")}. Please perform it as agreed. The parties may jointly apply for judicial confirmation by ${day(p.applicationDueOn, "en")} (Civil Procedure Law, Art. 205).`,
    },
  },
  confirmation_started: {
    "zh-CN": {
      title: () => "请共同申请司法确认",
      body: (p) =>
        `${s(p.applicantName)}已申请司法确认调解协议。司法确认须由双方当事人共同提出，请在${day(p.applicationDueOn, "zh-CN")}前在线确认申请。`,
    },
    en: {
      title: () => "Join the application for judicial confirmation",
      body: (p) =>
        `${s(p.applicantName)} applied for judicial confirmation of the mediation agreement. The parties must apply together; confirm online by ${day(p.applicationDueOn, "en")}.`,
    },
  },
  confirmation_to_accept: {
    "zh-CN": {
      title: () => "新的司法确认申请待受理",
      body: (p) => `${s(p.title)}，请于${day(p.acceptanceDueOn, "zh-CN")}前决定是否受理。`,
    },
    en: {
      title: () => "New application for judicial confirmation",
      body: (p) => `${s(p.title)}; decide whether to accept by ${day(p.acceptanceDueOn, "en")}.`,
    },
  },
  confirmation_applied: {
    "zh-CN": {
      title: () => "司法确认申请已提出",
      body: (p) =>
        `双方当事人已共同申请司法确认，法院将在${day(p.acceptanceDueOn, "zh-CN")}前决定是否受理。本案不收取费用。`,
    },
    en: {
      title: () => "Application for judicial confirmation made",
      body: (p) =>
        `The parties applied together; the court will decide whether to accept by ${day(p.acceptanceDueOn, "en")}. No fee is charged.`,
    },
  },
  confirmation_accepted: {
    "zh-CN": {
      title: () => "司法确认申请已受理",
      body: (p) =>
        `案号${s(p.caseNumber)}，审判员${s(p.judgeName)}，法院将在${day(p.decisionDueOn, "zh-CN")}前作出是否确认的决定。`,
    },
    en: {
      title: () => "Application for judicial confirmation accepted",
      body: (p) =>
        `Case number ${s(p.caseNumber)}, judge ${s(p.judgeName)}; the court will decide by ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_assigned: {
    "zh-CN": {
      title: () => "新的司法确认案件",
      body: (p) => `${s(p.caseNumber)}由您审查，请于${day(p.decisionDueOn, "zh-CN")}前作出裁定。`,
    },
    en: {
      title: () => "New judicial confirmation case",
      body: (p) => `You review ${s(p.caseNumber)}; rule by ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_refused: {
    "zh-CN": {
      title: () => "司法确认申请不予受理",
      body: (p) =>
        `法院对司法确认申请不予受理：${groundsOf(p)
          .map((g) => `${g.zh}（${g.articleZh}）`)
          .join("；")}。${p.reason ? sentence(s(p.reason), "zh") : ""}`,
    },
    en: {
      title: () => "Application for judicial confirmation not accepted",
      body: (p) =>
        `The court did not accept the application: ${groundsOf(p)
          .map((g) => `${g.en} (${g.articleEn})`)
          .join("; ")}.${p.reason ? ` ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  confirmation_extended: {
    "zh-CN": {
      title: () => "司法确认审查期限已延长",
      body: (p) => `经院长批准，${s(p.caseNumber)}的审查期限延长至${day(p.decisionDueOn, "zh-CN")}。`,
    },
    en: {
      title: () => "Time to decide on judicial confirmation extended",
      body: (p) =>
        `With the president's approval, the review of ${s(p.caseNumber)} now ends on ${day(p.decisionDueOn, "en")}.`,
    },
  },
  confirmation_decided: {
    "zh-CN": {
      title: (p) => (p.decision === "confirm" ? "调解协议已经司法确认" : "司法确认申请已被驳回"),
      body: (p) =>
        p.decision === "confirm"
          ? `法院裁定调解协议有效（${s(p.caseNumber)}）。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。`
          : `法院裁定驳回司法确认申请（${s(p.caseNumber)}）。当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。`,
    },
    en: {
      title: (p) =>
        p.decision === "confirm"
          ? "Mediation agreement confirmed"
          : "Application for judicial confirmation dismissed",
      body: (p) =>
        p.decision === "confirm"
          ? `The court ruled the agreement valid (${s(p.caseNumber)}). If a party does not perform it in full, the other may apply for enforcement.`
          : `The court dismissed the application (${s(p.caseNumber)}). The parties may change the agreement or reach a new one through mediation, or bring a suit.`,
    },
  },
  mediator_assignment_lapsed: {
    "zh-CN": {
      title: () => "调解员未按期确认，请重新指定",
      body: (p) =>
        `${s(p.title)}：调解员${s(p.mediatorName)}未在${day(p.acceptanceDueOn, "zh-CN")}前确认接受调解，委派已失效。请于${day(p.appointmentDueOn, "zh-CN")}前重新指定调解员（《人民法院在线调解规则》第十二条第二款）。`,
    },
    en: {
      title: () => "Mediator did not confirm: appoint another",
      body: (p) =>
        `${s(p.title)}: mediator ${s(p.mediatorName)} did not confirm by ${day(p.acceptanceDueOn, "en")}, so the assignment has lapsed. Please appoint another mediator by ${day(p.appointmentDueOn, "en")} (Online Mediation Rules, Art. 12(2)).`,
    },
  },
  mediation_assignment_lapsed_notice: {
    "zh-CN": {
      title: () => "调解员委派已失效",
      body: () => "调解员未在期限内确认接受调解，委派已失效，法院将重新指定调解员。",
    },
    en: {
      title: () => "Mediator assignment lapsed",
      body: () =>
        "The mediator did not confirm in time, so the assignment has lapsed; the court will appoint another mediator.",
    },
  },
  mediation_appointment_overdue: {
    "zh-CN": {
      title: () => "指定调解员已超期",
      body: (p) =>
        `${s(p.title)}：法院应于${day(p.appointmentDueOn, "zh-CN")}前指定调解员（《人民法院在线调解规则》第十条第三款），现已超期，请尽快指定。`,
    },
    en: {
      title: () => "Mediator appointment overdue",
      body: (p) =>
        `${s(p.title)}: the court had to appoint a mediator by ${day(p.appointmentDueOn, "en")} (Online Mediation Rules, Art. 10(3)). That day has passed; please appoint one now.`,
    },
  },
  confirmation_acceptance_overdue: {
    "zh-CN": {
      title: () => "司法确认申请受理审查已超期",
      body: (p) =>
        `${s(p.title)}：法院应于${day(p.acceptanceDueOn, "zh-CN")}前决定是否受理司法确认申请（《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条），现已超期，请尽快决定。`,
    },
    en: {
      title: () => "Acceptance of a judicial confirmation overdue",
      body: (p) =>
        `${s(p.title)}: the court had to decide whether to accept the application by ${day(p.acceptanceDueOn, "en")} (SPC Provisions on Judicial Confirmation, Art. 4). That day has passed; please decide now.`,
    },
  },
  confirmation_decision_overdue: {
    "zh-CN": {
      title: () => "司法确认审查已超期",
      body: (p) =>
        `${s(p.caseNumber)}应于${day(p.decisionDueOn, "zh-CN")}前作出是否确认的裁定（《最高人民法院关于人民调解协议司法确认程序的若干规定》第五条），现已超期，请尽快裁定或报请院长批准延长。`,
    },
    en: {
      title: () => "Judicial confirmation decision overdue",
      body: (p) =>
        `The ruling in ${s(p.caseNumber)} was due by ${day(p.decisionDueOn, "en")} (SPC Provisions on Judicial Confirmation, Art. 5). That day has passed; please rule, or seek the president's approval of more time.`,
    },
  },
  confirmation_withdrawn: {
    "zh-CN": {
      title: () => "司法确认申请已撤回",
      body: (p) =>
        p.ruling
          ? `${s(p.applicantName)}在裁定作出前撤回司法确认申请，法院已裁定准许撤回（${s(p.caseNumber)}），裁定书另行送达。调解协议对当事人仍具有约束力。`
          : `${s(p.applicantName)}撤回了司法确认申请，申请已终结。调解协议对当事人仍具有约束力。`,
    },
    en: {
      title: () => "Application for judicial confirmation withdrawn",
      body: (p) =>
        p.ruling
          ? `${s(p.applicantName)} withdrew the application before the ruling; the court ruled to allow the withdrawal (${s(p.caseNumber)}) and serves the ruling separately. The mediation agreement still binds the parties.`
          : `${s(p.applicantName)} withdrew the application for judicial confirmation; it is closed. The mediation agreement still binds the parties.`,
    },
  },
  service_needs_clerk: {
    "zh-CN": {
      title: () => "送达未完成，请另行送达",
      body: (p) =>
        `${s(p.caseNumber)}向${s(p.recipientName)}送达的${servedLabel(p.kind, "zh-CN")}${
          p.reason === "failed" ? "无法通过电子方式送达" : "在期限内未被查阅"
        }，请以邮寄或公告等方式送达（《中华人民共和国民事诉讼法》第九十条、第九十五条）。`,
    },
    en: {
      title: () => "Service not complete: serve another way",
      body: (p) =>
        `The ${servedLabel(p.kind, "en")} in ${s(p.caseNumber)} for ${s(p.recipientName)} ${
          p.reason === "failed" ? "could not be served electronically" : "was not opened in time"
        }; please serve it by post or public notice (Civil Procedure Law, Arts. 90 and 95).`,
    },
  },
  hearing_scheduled: {
    "zh-CN": {
      title: () => "开庭通知",
      body: (p) =>
        `${s(p.caseNumber)}定于${moment(p.startsAt, "zh-CN")}${p.mode === "online" ? "在线" : ""}开庭审理，传票已向您送达，请准时参加。`,
    },
    en: {
      title: () => "Hearing fixed",
      body: (p) =>
        `${s(p.caseNumber)} will be heard${p.mode === "online" ? " online" : ""} on ${moment(p.startsAt, "en")}. The summons has been served; please attend on time.`,
    },
  },
  hearing_room_opened: {
    "zh-CN": {
      title: () => "在线庭审已开始",
      body: (p) => `${s(p.caseNumber)}的在线庭审室已开启，请进入庭审室等候审判员准许入庭。`,
    },
    en: {
      title: () => "Online hearing open",
      body: (p) =>
        `The hearing room of ${s(p.caseNumber)} is open. Please enter and wait for the judge to admit you.`,
    },
  },
  hearing_rescheduled: {
    "zh-CN": {
      title: () => "开庭时间变更",
      body: (p) =>
        `${s(p.caseNumber)}原定${moment(p.previousStartsAt, "zh-CN")}的庭审改期至${moment(p.startsAt, "zh-CN")}，新的传票已向您送达。${p.reason ? `原因：${sentence(s(p.reason), "zh")}` : ""}`,
    },
    en: {
      title: () => "Hearing moved",
      body: (p) =>
        `The hearing of ${s(p.caseNumber)} set for ${moment(p.previousStartsAt, "en")} moves to ${moment(p.startsAt, "en")}; a new summons has been served.${p.reason ? ` Reason: ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  hearing_adjourned: {
    "zh-CN": {
      title: () => "延期开庭",
      body: (p) =>
        `${s(p.caseNumber)}原定${moment(p.previousStartsAt, "zh-CN")}的庭审延期审理${p.newStartsAt ? `，改于${moment(p.newStartsAt, "zh-CN")}开庭，新的传票已向您送达` : "，开庭时间另行通知"}。理由：${sentence(s(p.reason), "zh")}`,
    },
    en: {
      title: () => "Hearing adjourned",
      body: (p) =>
        `The hearing of ${s(p.caseNumber)} set for ${moment(p.previousStartsAt, "en")} is adjourned${p.newStartsAt ? ` to ${moment(p.newStartsAt, "en")}; a new summons has been served` : "; the new date will be notified"}. Reasons: ${sentence(s(p.reason), "en")}`,
    },
  },
  hearing_cancelled: {
    "zh-CN": {
      title: () => "庭审取消",
      body: (p) =>
        `${s(p.caseNumber)}原定${moment(p.startsAt, "zh-CN")}的庭审已取消。原因：${sentence(s(p.reason), "zh")}`,
    },
    en: {
      title: () => "Hearing called off",
      body: (p) =>
        `The hearing of ${s(p.caseNumber)} set for ${moment(p.startsAt, "en")} is called off. Reason: ${sentence(s(p.reason), "en")}`,
    },
  },
  transcript_to_sign: {
    "zh-CN": {
      title: () => "请核对并签署庭审笔录",
      body: (p) =>
        `${s(p.caseNumber)}的庭审笔录（第${s(p.number)}版）已提交核对。请阅读后在线签名；对自己陈述的记录有遗漏或者差错的，可以申请补正（《中华人民共和国民事诉讼法》第一百五十条）。`,
    },
    en: {
      title: () => "Please read and sign the hearing transcript",
      body: (p) =>
        `The transcript of the hearing in ${s(p.caseNumber)} (version ${s(p.number)}) is ready for reading. Please read it and sign online; if the record of your statement is incomplete or wrong, you may ask for a correction (Civil Procedure Law, Article 150).`,
    },
  },
  transcript_correction_requested: {
    "zh-CN": {
      title: () => "庭审笔录补正申请",
      body: (p) =>
        `${s(p.name)}申请补正${s(p.caseNumber)}的庭审笔录（第${s(p.number)}版），请予补正后重新提交签署，或说明不予补正的理由。`,
    },
    en: {
      title: () => "Request to correct the transcript",
      body: (p) =>
        `${s(p.name)} asks to correct the hearing transcript of ${s(p.caseNumber)} (version ${s(p.number)}). Correct it and re-issue it for signature, or give reasons for not correcting it.`,
    },
  },
  transcript_correction_declined: {
    "zh-CN": {
      title: () => "补正申请未予采纳",
      body: (p) =>
        `${s(p.caseNumber)}的庭审笔录未按您的申请补正，您的申请已记录在案。理由：${sentence(s(p.answer), "zh")}`,
    },
    en: {
      title: () => "Correction not made",
      body: (p) =>
        `The hearing transcript of ${s(p.caseNumber)} was not corrected as you asked; your request is recorded with it. Reasons: ${sentence(s(p.answer), "en")}`,
    },
  },
  transcript_signed: {
    "zh-CN": {
      title: () => "庭审笔录已签署完毕",
      body: (p) =>
        `${s(p.caseNumber)}的庭审笔录（第${s(p.number)}版）已由全部诉讼参与人核对${Number(p.refused) > 0 ? "，拒绝签名的已记明情况附卷" : "并签名"}，笔录文书已归入案卷。`,
    },
    en: {
      title: () => "Hearing transcript signed",
      body: (p) =>
        `Everyone has read the hearing transcript of ${s(p.caseNumber)} (version ${s(p.number)})${Number(p.refused) > 0 ? "; refusals to sign are recorded with it" : " and signed it"}. The transcript is filed with the case documents.`,
    },
  },
  hearing_reminder: {
    "zh-CN": {
      title: () => "明日开庭提醒",
      body: (p) =>
        `${s(p.caseNumber)}将于${moment(p.startsAt, "zh-CN")}${p.mode === "online" ? "在线" : ""}开庭。${p.mode === "online" ? "请提前登录平台，完成身份核验并检查音视频设备。" : "请携带传票和身份证明准时到庭。"}`,
    },
    en: {
      title: () => "Hearing tomorrow",
      body: (p) =>
        `${s(p.caseNumber)} is heard${p.mode === "online" ? " online" : ""} on ${moment(p.startsAt, "en")}. ${p.mode === "online" ? "Sign in early, verify your identity and test your camera and microphone." : "Bring the summons and proof of identity and arrive on time."}`,
    },
  },
  async_trial_applied: {
    "zh-CN": {
      title: () => "对方申请非同步审理",
      body: (p) =>
        `${s(p.partyName)}申请${s(p.caseNumber)}以非同步方式审理，理由：${sentence(s(p.reasons), "zh")}非同步审理须经各方当事人同意（《人民法院在线诉讼规则》第二十条），请在案件页面答复是否同意。`,
    },
    en: {
      title: () => "Asynchronous trial applied for",
      body: (p) =>
        `${s(p.partyName)} applied for ${s(p.caseNumber)} to be tried asynchronously. Reasons: ${sentence(s(p.reasons), "en")} Every party must agree (Online Litigation Rules, Article 20); answer on the case page.`,
    },
  },
  async_trial_consented: {
    "zh-CN": {
      title: () => "当事人同意非同步审理",
      body: (p) =>
        `${s(p.partyName)}同意${s(p.caseNumber)}非同步审理。${p.allConsented ? "各方当事人均已同意，待法官审查决定。" : ""}`,
    },
    en: {
      title: () => "Asynchronous trial agreed to",
      body: (p) =>
        `${s(p.partyName)} agrees to try ${s(p.caseNumber)} asynchronously.${p.allConsented ? " Every party has agreed; the judge decides next." : ""}`,
    },
  },
  async_trial_refused: {
    "zh-CN": {
      title: () => "不适用非同步审理",
      body: (p) =>
        p.by === "party"
          ? `${s(p.partyName)}不同意${s(p.caseNumber)}非同步审理，本案不适用非同步审理。${p.reasons ? `理由：${sentence(s(p.reasons), "zh")}` : ""}`
          : `法官决定${s(p.caseNumber)}不适用非同步审理。理由：${sentence(s(p.reasons), "zh")}`,
    },
    en: {
      title: () => "No asynchronous trial",
      body: (p) =>
        p.by === "party"
          ? `${s(p.partyName)} does not agree to try ${s(p.caseNumber)} asynchronously, so it will not be.${p.reasons ? ` Reasons: ${sentence(s(p.reasons), "en")}` : ""}`
          : `The judge decided that ${s(p.caseNumber)} is not tried asynchronously. Reasons: ${sentence(s(p.reasons), "en")}`,
    },
  },
  async_trial_opened: {
    "zh-CN": {
      title: () => "非同步审理开始",
      body: (p) =>
        `${s(p.caseNumber)}开始非同步审理。法官将在平台上发问，请在各问题的答复期限内分别登录作答；如需同步开庭，可随时申请。`,
    },
    en: {
      title: () => "Asynchronous trial opened",
      body: (p) =>
        `The asynchronous trial of ${s(p.caseNumber)} is open. The judge will put questions on the platform; answer each within its window. You may ask for a live hearing at any time.`,
    },
  },
  async_trial_question: {
    "zh-CN": {
      title: (p) => (p.kind === "issue" ? "法官归纳了争议焦点，请答复" : "法官提出了问题，请答复"),
      body: (p) =>
        `法官在${s(p.caseNumber)}非同步审理中${p.kind === "issue" ? "归纳了争议焦点" : "提出了问题"}（第${s(p.number)}项），请于${moment(p.windowEndsAt, "zh-CN")}前答复。`,
    },
    en: {
      title: (p) => (p.kind === "issue" ? "An issue in dispute to answer" : "A question to answer"),
      body: (p) =>
        `The judge ${p.kind === "issue" ? "set out an issue in dispute" : "put a question"} (no. ${s(p.number)}) in the asynchronous trial of ${s(p.caseNumber)}. Answer by ${moment(p.windowEndsAt, "en")}.`,
    },
  },
  async_trial_answered: {
    "zh-CN": {
      title: () => "当事人已答复",
      body: (p) =>
        `${s(p.partyName)}${p.isSupplement ? "补充答复了" : "答复了"}${s(p.caseNumber)}非同步审理第${s(p.number)}项问题。`,
    },
    en: {
      title: () => "A party answered",
      body: (p) =>
        `${s(p.partyName)} ${p.isSupplement ? "added to its answer to" : "answered"} question no. ${s(p.number)} in the asynchronous trial of ${s(p.caseNumber)}.`,
    },
  },
  async_trial_window_extended: {
    "zh-CN": {
      title: () => "答复期限延长",
      body: (p) =>
        `${s(p.caseNumber)}非同步审理第${s(p.number)}项问题的答复期限延长至${moment(p.windowEndsAt, "zh-CN")}。`,
    },
    en: {
      title: () => "Response window extended",
      body: (p) =>
        `The window to answer question no. ${s(p.number)} in the asynchronous trial of ${s(p.caseNumber)} now ends ${moment(p.windowEndsAt, "en")}.`,
    },
  },
  async_trial_reminder: {
    "zh-CN": {
      title: () => "答复期限即将届满",
      body: (p) =>
        `${s(p.caseNumber)}非同步审理第${s(p.number)}项问题的答复期限将于${moment(p.windowEndsAt, "zh-CN")}届满，您尚未答复。`,
    },
    en: {
      title: () => "Response window closing",
      body: (p) =>
        `The window to answer question no. ${s(p.number)} in the asynchronous trial of ${s(p.caseNumber)} closes ${moment(p.windowEndsAt, "en")} and you have not answered.`,
    },
  },
  async_trial_answer_missed: {
    "zh-CN": {
      title: () => "当事人逾期未答复",
      body: (p) =>
        `${s(p.caseNumber)}非同步审理第${s(p.number)}项问题的答复期限已于${moment(p.windowEndsAt, "zh-CN")}届满，${list(p.partyNames, "、")}未答复。`,
    },
    en: {
      title: () => "No answer within the window",
      body: (p) =>
        `The window to answer question no. ${s(p.number)} in the asynchronous trial of ${s(p.caseNumber)} closed ${moment(p.windowEndsAt, "en")} without an answer from ${list(p.partyNames, ", ")}.`,
    },
  },
  async_trial_live_requested: {
    "zh-CN": {
      title: () => "当事人申请同步开庭",
      body: (p) =>
        `${s(p.partyName)}申请${s(p.caseNumber)}同步开庭审理，理由：${sentence(s(p.reasons), "zh")}`,
    },
    en: {
      title: () => "Live hearing requested",
      body: (p) =>
        `${s(p.partyName)} asks for ${s(p.caseNumber)} to be heard live. Reasons: ${sentence(s(p.reasons), "en")}`,
    },
  },
  async_trial_live_decided: {
    "zh-CN": {
      title: () => "同步开庭申请的决定",
      body: (p) =>
        p.decision === "granted"
          ? `法官准许${s(p.caseNumber)}同步开庭审理，非同步审理结束，开庭时间另行通知。${p.reasons ? `说明：${sentence(s(p.reasons), "zh")}` : ""}`
          : `法官不准许${s(p.caseNumber)}同步开庭审理，非同步审理继续。理由：${sentence(s(p.reasons), "zh")}`,
    },
    en: {
      title: () => "Decision on the live hearing request",
      body: (p) =>
        p.decision === "granted"
          ? `The judge granted a live hearing of ${s(p.caseNumber)}; the asynchronous trial ends and the hearing will be fixed.${p.reasons ? ` Note: ${sentence(s(p.reasons), "en")}` : ""}`
          : `The judge refused a live hearing of ${s(p.caseNumber)}; the asynchronous trial goes on. Reasons: ${sentence(s(p.reasons), "en")}`,
    },
  },
  async_trial_closed: {
    "zh-CN": {
      title: () => "非同步审理结束",
      body: (p) => `${s(p.caseNumber)}非同步审理结束，审理记录已生成，可在案件文书中查阅。`,
    },
    en: {
      title: () => "Asynchronous trial closed",
      body: (p) =>
        `The asynchronous trial of ${s(p.caseNumber)} is closed; its record is among the case's documents.`,
    },
  },
  evidence_period_set: {
    "zh-CN": {
      title: (p) => (p.kind === "cross_examination" ? "质证期限已指定" : "举证期限已指定"),
      body: (p) =>
        `${s(p.caseNumber)}的${p.kind === "cross_examination" ? "质证期限" : "举证期限"}为${s(p.days)}日，至${day(p.endsOn, "zh-CN")}届满（${s(p.basis)}）。${p.kind === "cross_examination" ? "请在期限内对对方证据发表质证意见。" : "请在期限内提交证据目录；确有困难的，可在期限届满前申请延长。"}`,
    },
    en: {
      title: (p) =>
        p.kind === "cross_examination" ? "Period for cross-examination set" : "Period for evidence set",
      body: (p) =>
        `In ${s(p.caseNumber)} the ${p.kind === "cross_examination" ? "period for cross-examination" : "period for producing evidence"} is ${s(p.days)} days, ending on ${day(p.endsOn, "en")}. ${p.kind === "cross_examination" ? "Give your opinions on the other side's evidence within it." : "Submit your evidence catalogue within it; if you cannot, apply for an extension before it ends."}`,
    },
  },
  evidence_catalogue_submitted: {
    "zh-CN": {
      title: () => "对方提交了证据",
      body: (p) =>
        `${s(p.partyName)}在${s(p.caseNumber)}中提交了${s(p.count)}项证据${p.isLate ? "（经准许逾期提交）" : ""}，请查看并发表质证意见。`,
    },
    en: {
      title: () => "Evidence submitted",
      body: (p) =>
        `${s(p.partyName)} submitted ${s(p.count)} item(s) of evidence in ${s(p.caseNumber)}${p.isLate ? " (late, with the court's leave)" : ""}. Please read them and give your opinions.`,
    },
  },
  evidence_request_made: {
    "zh-CN": {
      title: (p) => (p.requestKind === "extension" ? "延长举证期限申请" : "逾期举证申请"),
      body: (p) =>
        `${s(p.partyName)}在${s(p.caseNumber)}中申请${p.requestKind === "extension" ? "延长举证期限" : "逾期提交证据"}至${day(p.until, "zh-CN")}，请审查决定。`,
    },
    en: {
      title: (p) =>
        p.requestKind === "extension" ? "Request to extend the evidence period" : "Request to submit late",
      body: (p) =>
        `${s(p.partyName)} asks in ${s(p.caseNumber)} ${p.requestKind === "extension" ? "to extend the period for evidence" : "for leave to submit evidence late"} until ${day(p.until, "en")}. Please decide.`,
    },
  },
  evidence_request_decided: {
    "zh-CN": {
      title: (p) => (p.granted ? "举证期限申请已准许" : "举证期限申请未准许"),
      body: (p) =>
        p.granted
          ? `${s(p.caseNumber)}：法院准许${p.requestKind === "extension" ? "延长举证期限" : "逾期提交证据"}至${day(p.until, "zh-CN")}。${p.requestKind === "extension" ? "延长的举证期限适用于各方当事人。" : ""}`
          : `${s(p.caseNumber)}：法院不予准许${p.requestKind === "extension" ? "延长举证期限" : "逾期提交证据"}。${p.reason ? `理由：${sentence(s(p.reason), "zh")}` : ""}`,
    },
    en: {
      title: (p) => (p.granted ? "Request granted" : "Request refused"),
      body: (p) =>
        p.granted
          ? `${s(p.caseNumber)}: the court grants ${p.requestKind === "extension" ? "an extension of the period for evidence" : "leave to submit evidence late"} until ${day(p.until, "en")}.${p.requestKind === "extension" ? " The extended period applies to every party." : ""}`
          : `${s(p.caseNumber)}: the court refuses ${p.requestKind === "extension" ? "to extend the period for evidence" : "leave to submit evidence late"}.${p.reason ? ` Reasons: ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  evidence_opinion_given: {
    "zh-CN": {
      title: () => "对方发表了质证意见",
      body: (p) => `${s(p.partyName)}对证据“${s(p.title)}”发表了质证意见（${s(p.caseNumber)}）。`,
    },
    en: {
      title: () => "Opinion on evidence given",
      body: (p) => `${s(p.partyName)} gave an opinion on the item "${s(p.title)}" (${s(p.caseNumber)}).`,
    },
  },
  evidence_decided: {
    "zh-CN": {
      title: () => "法院对证据作出认定",
      body: (p) =>
        `${s(p.caseNumber)}：证据“${s(p.title)}”${p.decision === "admitted" ? "予以采纳" : "不予采纳"}。${p.reason ? `理由：${sentence(s(p.reason), "zh")}` : ""}`,
    },
    en: {
      title: () => "Court decision on evidence",
      body: (p) =>
        `${s(p.caseNumber)}: the item "${s(p.title)}" is ${p.decision === "admitted" ? "admitted" : "not admitted"}.${p.reason ? ` Reasons: ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  element_position_marked: {
    "zh-CN": {
      title: (p) => (p.position === "agreed" ? "对方确认了案件要素" : "对方对案件要素提出异议"),
      body: (p) =>
        `${s(p.caseNumber)}：${p.side === "plaintiff" ? "原告" : "被告"}${p.position === "agreed" ? "确认" : "不认可"}要素“${s(p.labelZh)}”。${p.reason ? `理由：${sentence(s(p.reason), "zh")}` : ""}`,
    },
    en: {
      title: (p) =>
        p.position === "agreed" ? "The other side agreed an element" : "The other side disputes an element",
      body: (p) =>
        `${s(p.caseNumber)}: the ${p.side === "plaintiff" ? "plaintiff" : "defendant"} ${p.position === "agreed" ? "agreed" : "disputes"} the element "${s(p.labelEn)}".${p.reason ? ` Reasons: ${sentence(s(p.reason), "en")}` : ""}`,
    },
  },
  element_value_proposed: {
    "zh-CN": {
      title: () => "对方提出了要素建议值",
      body: (p) =>
        `${s(p.caseNumber)}：${p.side === "plaintiff" ? "原告" : "被告"}就要素“${s(p.labelZh)}”提出了建议值，请在要素表中确认或提出异议。`,
    },
    en: {
      title: () => "The other side proposed a value",
      body: (p) =>
        `${s(p.caseNumber)}: the ${p.side === "plaintiff" ? "plaintiff" : "defendant"} proposed a value for the element "${s(p.labelEn)}". Please agree or dispute it in the element table.`,
    },
  },
  element_settled: {
    "zh-CN": {
      title: () => "法官认定了案件要素",
      body: (p) =>
        `${s(p.caseNumber)}：法官已认定要素“${s(p.labelZh)}”。理由：${sentence(s(p.reasons), "zh")}`,
    },
    en: {
      title: () => "The judge settled an element",
      body: (p) =>
        `${s(p.caseNumber)}: the judge settled the element "${s(p.labelEn)}". Reasons: ${sentence(s(p.reasons), "en")}`,
    },
  },
  agreed_elements_settled: {
    "zh-CN": {
      title: () => "法官认定了无争议要素",
      body: (p) => `${s(p.caseNumber)}：双方均确认的${s(p.count)}项要素已按确认的内容认定。`,
    },
    en: {
      title: () => "The judge settled the agreed elements",
      body: (p) => `${s(p.caseNumber)}: the ${s(p.count)} elements both sides agreed are settled as agreed.`,
    },
  },
  verification_approved: {
    "zh-CN": { title: () => "实名认证已通过", body: () => "您的实名认证已通过。" },
    en: { title: () => "Identity verified", body: () => "Your identity verification was approved." },
  },
  verification_rejected: {
    "zh-CN": { title: () => "实名认证未通过", body: (p) => `原因：${s(p.reason)}` },
    en: { title: () => "Identity not verified", body: (p) => `Reason: ${s(p.reason)}` },
  },
} satisfies Record<string, Record<Locale, { title: Template; body: Template }>>;

/** The kinds of inbox message there are: a message of any other kind could not be read. */
export type InboxKind = keyof typeof inboxTemplates;

/** What is served, by `ServedDocumentKind`, as the notice names it. */
export const servedKindLabels: Record<string, Record<Locale, string>> = {
  complaint_copy: { "zh-CN": "起诉状副本", en: "copy of the complaint" },
  response_notice: { "zh-CN": "应诉通知书", en: "notice to respond to the action" },
  evidence_notice: { "zh-CN": "举证通知书", en: "notice on producing evidence" },
  acceptance_notice: { "zh-CN": "受理案件通知书", en: "notice of acceptance of the case" },
  answer_copy: { "zh-CN": "答辩状副本", en: "copy of the answer" },
  counterclaim_copy: { "zh-CN": "反诉状副本", en: "copy of the counterclaim" },
  ruling: { "zh-CN": "民事裁定书", en: "civil ruling" },
  mediation_agreement: { "zh-CN": "调解书", en: "mediation statement" },
  confirmation_ruling: { "zh-CN": "司法确认裁定书", en: "ruling confirming the mediation agreement" },
  judgment: { "zh-CN": "民事判决书", en: "civil judgment" },
  summons: { "zh-CN": "传票", en: "summons" },
  other: { "zh-CN": "诉讼文书", en: "court document" },
};

function servedLabel(kind: unknown, locale: Locale): string {
  return servedKindLabels[s(kind)]?.[locale] ?? servedKindLabels.other![locale];
}

/**
 * The SMS or e-mail that tells an addressee a document was served: who serves what, and the link to
 * sign in and read it — never the document or personal data (在线诉讼规则第三十二条: the message says
 * what is served and how to read it). Chinese first, English after.
 */
export function renderServiceNotice(params: {
  courtNameZh: string;
  courtNameEn: string;
  caseNumber: string | null;
  kind: string;
  link: string;
  /** The addressee's case code and where to link the case with it (an addressee without an account). */
  caseCode?: { code: string; link: string } | null;
}): { subject: string; text: string } {
  const code = params.caseCode ?? null;
  const zhCode = code
    ? `如您尚无账户，请注册并完成实名认证后在 ${code.link} 输入案件码 ${code.code} 关联本案。`
    : "";
  const enCode = code
    ? ` If you have no account, register, verify your identity and link the case at ${code.link} with case code ${code.code}.`
    : "";
  const zh = `【${params.courtNameZh}】${params.caseNumber ? `（${params.caseNumber}）` : ""}${servedLabel(params.kind, "zh-CN")}已向您送达，请登录查阅：${params.link}${zhCode ? ` ${zhCode}` : ""}`;
  const en = `${params.courtNameEn} has served on you the ${servedLabel(params.kind, "en")}${params.caseNumber ? ` in ${params.caseNumber}` : ""}. Sign in to read it: ${params.link}${enCode}`;
  return { subject: `${params.courtNameZh}送达通知 / Notice of service`, text: `${zh}\n${en}` };
}

/**
 * The SMS or e-mail that invites a party without an account to a mediation: the court, the cause of
 * action and the link with the party's case code to register and join — no personal data (在线调解规则
 * 第十五条: the other side is asked whether it agrees to mediate). Chinese first, English after.
 */
export function renderMediationInvitation(params: {
  courtNameZh: string;
  courtNameEn: string;
  /** The cause of action (not the title, which names the applicant). */
  causeZh: string | null;
  causeEn: string | null;
  code: string;
  link: string;
}): { subject: string; text: string } {
  const zh = `【${params.courtNameZh}】对方当事人已就一起${params.causeZh ?? "民事纠纷"}申请诉前调解，邀请您参加在线调解。请注册并完成实名认证后打开 ${params.link} ，以案件码 ${params.code} 加入调解，并答复是否同意调解。`;
  const en = `${params.courtNameEn}: the other party applied for pre-litigation mediation of a dispute${params.causeEn ? ` (${params.causeEn})` : ""} and invites you to mediate online. Register, verify your identity and open ${params.link} to join with case code ${params.code}, then answer whether you agree to mediate.`;
  return { subject: `${params.courtNameZh}调解邀请 / Invitation to mediate`, text: `${zh}\n${en}` };
}

function s(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return value.toString();
  return JSON.stringify(value) ?? "";
}

/** A court day (or moment) as the reader's pages write it; a message without the param shows nothing. */
function day(value: unknown, locale: Locale): string {
  return typeof value === "string" || value instanceof Date ? formatDate(locale, value) : s(value);
}

/** A moment (a sitting's start) as the reader's pages write it, with the time of day. */
function moment(value: unknown, locale: Locale): string {
  return typeof value === "string" || value instanceof Date ? formatDateTime(locale, value) : s(value);
}

/**
 * Yuan as the reader's pages write them. Older messages stored the fee as text ("1050.00"); the
 * formatter reads that too.
 */
function money(value: unknown, locale: Locale): string {
  return typeof value === "number" || typeof value === "string" ? formatMoney(locale, value) : s(value);
}

/** Items joined into one sentence: each item's own closing punctuation gives way to the separator. */
function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map((item) => clause(s(item))).join(separator) : s(value);
}

const closingMarks = /[\s。．.，,；;、：:]+$/u;

/** Free text without its closing punctuation, so a template can continue the sentence. */
function clause(text: string): string {
  return text.trim().replace(closingMarks, "");
}

/**
 * Free text (a clerk's reasons or note) as one closed sentence: templates go on after it, so a text
 * that already ends with 。 must not get a second one. ！ and ？ are kept as written.
 */
function sentence(text: string, language: "zh" | "en"): string {
  const trimmed = text.trim();
  if (/[!?！？]$/u.test(trimmed)) return trimmed;
  if (language === "en" && /[.。]$/u.test(trimmed)) return trimmed;
  const open = clause(trimmed);
  return open === "" ? "" : `${open}${language === "zh" ? "。" : "."}`;
}

/** A refusal ground as the refusal stores it in the message: its article and what it means. */
interface GroundParam {
  articleZh: string;
  articleEn: string;
  zh: string;
  en: string;
}

function groundsOf(p: Record<string, unknown>): GroundParam[] {
  const grounds = p.grounds;
  if (!Array.isArray(grounds)) return [];
  return grounds.filter(
    (g): g is GroundParam =>
      typeof g === "object" &&
      g !== null &&
      ["articleZh", "articleEn", "zh", "en"].every(
        (key) => typeof (g as Record<string, unknown>)[key] === "string",
      ),
  );
}

/** Renders a message in a language; unknown kinds fall back to the kind itself. */
export function renderInboxMessage(
  kind: string,
  params: Record<string, unknown>,
  locale: Locale,
): { title: string; body: string } {
  const template = Object.hasOwn(inboxTemplates, kind) ? inboxTemplates[kind as InboxKind][locale] : null;
  if (!template) return { title: kind, body: "" };
  return { title: template.title(params), body: template.body(params) };
}
