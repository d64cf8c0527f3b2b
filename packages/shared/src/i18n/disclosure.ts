import { defineCatalog } from "./catalog";

/** The public portal: the home page and case-progress lookup by query code. */
export const disclosure = defineCatalog({
  "zh-CN": {
    home: {
      heroTitle: "网上案件网上审理",
      heroText:
        "从诉前调解、立案、送达、举证质证、开庭到判决和执行，诉讼全程在线完成。手机或电脑即可参与，无需往返法院。",
      quickLinks: "常用服务",
      links: {
        register: { title: "注册账号", text: "自然人、法人和其他组织实名注册，开始在线诉讼。" },
        signIn: { title: "登录", text: "当事人、代理人和法院工作人员登录。" },
        newFiling: { title: "立案", text: "在线提交起诉状和证据，法院七日内决定是否立案。" },
        myCases: { title: "我的案件", text: "查看您的案件进展、期限、法律文书和待办事项。" },
        inbox: { title: "站内信", text: "法院送达的通知和案件消息。" },
        workbench: { title: "法院工作台", text: "立案审查、承办案件和期限提醒。" },
        fees: { title: "诉讼费计算", text: "按《诉讼费用交纳办法》估算案件受理费和申请费。" },
        progress: { title: "案件进度查询", text: "凭查询码查看案件当前状态和办理节点。" },
        apiDocs: { title: "开放接口", text: "电商、金融、版权平台接入证据存证与核验的接口文档。" },
      },
      offersTitle: "本院提供",
      offers: {
        mediation: { title: "在线调解", text: "诉前调解，调解协议可申请司法确认。" },
        filing: { title: "在线立案", text: "在线提交起诉状和证据，七日内决定是否立案。" },
        delivery: { title: "电子送达", text: "经同意后通过平台、短信、电子邮件送达诉讼文书。" },
        evidence: { title: "证据存证与核验", text: "电子证据上链存证，审理时可核验是否被篡改。" },
        hearing: { title: "在线庭审", text: "视频开庭，符合条件的案件可非同步审理。" },
        enforcement: { title: "执行与公开", text: "在线执行、网络司法拍卖、裁判文书与失信名单公开。" },
      },
      scopeTitle: "互联网法院集中管辖的案件",
      scopeIntro:
        "依照《最高人民法院关于互联网法院审理案件若干问题的规定》第二条，互联网法院集中管辖所在市辖区内应由基层人民法院受理的下列第一审案件：",
      scope: {
        shopping: "通过电子商务平台签订或者履行网络购物合同而产生的纠纷",
        services: "签订、履行行为均在互联网上完成的网络服务合同纠纷",
        loans: "签订、履行行为均在互联网上完成的金融借款合同纠纷、小额借款合同纠纷",
        copyright:
          "在互联网上首次发表作品的著作权或者邻接权权属纠纷，以及在互联网上侵害著作权或者邻接权而产生的纠纷",
        domains: "互联网域名权属、侵权及合同纠纷",
        personal: "在互联网上侵害他人人身权、财产权等民事权益而产生的纠纷",
        products: "通过电子商务平台购买的产品，因存在产品缺陷，侵害他人人身、财产权益而产生的产品责任纠纷",
        publicInterest: "检察机关提起的互联网公益诉讼案件",
        administrative:
          "因行政机关作出互联网信息服务管理、互联网商品交易及有关服务管理等行政行为而产生的行政纠纷",
      },
    },
    progress: {
      title: "案件进度查询",
      intro: "输入立案时取得的查询码，查看案件的当前状态和办理节点。查询码请妥善保管。",
      code: "查询码",
      codeHelp: "见立案通知书或短信",
      codeRequired: "请输入查询码",
      submit: "查询",
      notFound: "没有与该查询码对应的案件，请核对后重试。",
      rateLimited: "查询过于频繁，请稍后再试。",
      rateLimitedSeconds: "查询过于频繁，请 {{seconds}} 秒后再试。",
      caseNumber: "案号",
      noCaseNumber: "尚未编定案号",
      court: "受理法院",
      status: "当前状态",
      timeline: "办理节点",
      noEvents: "暂无办理记录",
      cause: "案由",
      judge: "承办法官",
    },
  },
  en: {
    home: {
      heroTitle: "Cases online, heard online",
      heroText:
        "From pre-litigation mediation, filing, service, evidence and hearings to judgment and enforcement, the whole case runs online. Take part from a phone or a computer, without travelling to court.",
      quickLinks: "Services",
      links: {
        register: {
          title: "Create an account",
          text: "People, companies and other organisations register with their real identity to litigate online.",
        },
        signIn: { title: "Sign in", text: "For parties, their representatives and court staff." },
        newFiling: {
          title: "File a case",
          text: "Submit a complaint and evidence online; the court decides on registration within seven days.",
        },
        myCases: {
          title: "My cases",
          text: "Follow your cases: progress, deadlines, documents and what to do next.",
        },
        inbox: { title: "Inbox", text: "Notices served by the court and messages about your cases." },
        workbench: { title: "Court workbench", text: "Filing review, assigned cases and deadline warnings." },
        fees: {
          title: "Fee calculator",
          text: "Estimate acceptance and application fees under the Measures on the Payment of Litigation Costs.",
        },
        progress: {
          title: "Case progress",
          text: "See a case's current status and steps with its query code.",
        },
        apiDocs: {
          title: "Open API",
          text: "For e-commerce, finance and copyright platforms that deposit and verify evidence.",
        },
      },
      offersTitle: "What the court offers",
      offers: {
        mediation: {
          title: "Online mediation",
          text: "Pre-litigation mediation; agreements can be judicially confirmed.",
        },
        filing: {
          title: "Online filing",
          text: "Submit the complaint and evidence online; the court decides on acceptance within 7 days.",
        },
        delivery: {
          title: "Electronic service",
          text: "With consent, documents are served through the platform, text message or e-mail.",
        },
        evidence: {
          title: "Evidence ledger",
          text: "Electronic evidence is deposited in a verifiable ledger and checked for tampering at trial.",
        },
        hearing: {
          title: "Online hearings",
          text: "Video hearings, and asynchronous trial where the case allows.",
        },
        enforcement: {
          title: "Enforcement and openness",
          text: "Online enforcement, judicial auctions, published judgments and the dishonest-debtor list.",
        },
      },
      scopeTitle: "Cases heard by the Internet courts",
      scopeIntro:
        "Under Article 2 of the SPC Provisions on Several Issues Concerning the Trial of Cases by Internet Courts, an Internet court hears at first instance the following cases of its city that a basic court would otherwise hear:",
      scope: {
        shopping: "Disputes over online shopping contracts made or performed through e-commerce platforms",
        services: "Disputes over online service contracts made and performed on the Internet",
        loans: "Disputes over financial loan and small loan contracts made and performed on the Internet",
        copyright:
          "Disputes over ownership of copyright or neighbouring rights in works first published online, and over their infringement online",
        domains: "Disputes over ownership, infringement and contracts of Internet domain names",
        personal: "Disputes over online infringement of personal, property and other civil rights",
        products:
          "Product liability disputes over defective goods bought through e-commerce platforms that harm person or property",
        publicInterest: "Internet public-interest suits brought by procuratorates",
        administrative:
          "Administrative disputes over acts of administrative bodies regulating Internet information services, online trade and related services",
      },
    },
    progress: {
      title: "Case progress",
      intro:
        "Enter the query code you received at filing to see the case's current status and steps. Keep the query code safe.",
      code: "Query code",
      codeHelp: "Printed on the filing notice or sent by text message",
      codeRequired: "Enter the query code",
      submit: "Look up",
      notFound: "No case matches this query code; check it and try again.",
      rateLimited: "Too many look-ups; please try again later.",
      rateLimitedSeconds: "Too many look-ups; please try again in {{seconds}} seconds.",
      caseNumber: "Case number",
      noCaseNumber: "Not yet numbered",
      court: "Court",
      status: "Status",
      timeline: "Steps",
      noEvents: "No steps recorded yet",
      cause: "Cause of action",
      judge: "Judge",
    },
  },
});
