import { AuditOutlined, FileSearchOutlined, FolderOpenOutlined, SolutionOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** Who reviews filings (民事诉讼法第一百二十六条): the filing division's clerks; administrators may look. */
export const filingReviewerRoles = ["clerk", "court_admin"] as const;
/** Who browses all of a court's cases. */
export const courtCaseRoles = ["clerk", "court_admin", "judge"] as const;
export const judgeRoles = ["judge"] as const;
export const auditRoles = ["court_admin"] as const;

/** The court workbench's screens. */
export const workbenchRoutes: AppRoute[] = [
  {
    path: "/court/filings",
    access: { roles: filingReviewerRoles },
    scene: () => import("./scenes/review-queue-scene").then((m) => m.ReviewQueueScene),
    nav: {
      section: "staff",
      label: "workbench:nav.filings",
      icon: <FileSearchOutlined />,
      order: 1,
      tabs: { staff: 20 },
      tabLabel: "common:nav.tabs.filingReview",
    },
  },
  {
    path: "/court/filings/:id",
    access: { roles: filingReviewerRoles },
    scene: () => import("./scenes/filing-review-scene").then((m) => m.FilingReviewScene),
  },
  {
    path: "/court/my-cases",
    access: { roles: judgeRoles },
    scene: () => import("./scenes/court-cases-scene").then((m) => m.MyCasesScene),
    nav: {
      section: "staff",
      label: "workbench:nav.myCases",
      icon: <SolutionOutlined />,
      order: 2,
      tabs: { staff: 21 },
    },
  },
  {
    path: "/court/cases",
    access: { roles: courtCaseRoles },
    scene: () => import("./scenes/court-cases-scene").then((m) => m.CourtCasesScene),
    nav: { section: "staff", label: "workbench:nav.cases", icon: <FolderOpenOutlined />, order: 3 },
  },
  {
    path: "/court/cases/:id",
    access: { roles: courtCaseRoles },
    scene: () => import("./scenes/staff-case-scene").then((m) => m.StaffCaseScene),
  },
  {
    path: "/court/audit",
    access: { roles: auditRoles },
    scene: () => import("./scenes/audit-scene").then((m) => m.AuditScene),
    nav: { section: "staff", label: "workbench:nav.audit", icon: <AuditOutlined />, order: 50 },
  },
];
