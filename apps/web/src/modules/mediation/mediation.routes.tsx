import { AuditOutlined, CommentOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** Who works on a court's mediations: the mediators, and the clerks who appoint them. */
export const mediationStaffRoles = ["mediator", "clerk", "court_admin"] as const;
/** Who handles applications for judicial confirmation: clerks accept, judges rule. */
export const confirmationRoles = ["clerk", "court_admin", "judge"] as const;
export const registerRoles = ["court_admin"] as const;

/** Pre-litigation mediation: the parties' and mediator's workspace, confirmation, the register. */
export const mediationRoutes: AppRoute[] = [
  {
    path: "/mediations",
    access: "signed-in",
    scene: () => import("./scenes/my-mediations-scene").then((m) => m.MyMediationsScene),
    nav: { section: "litigant", label: "mediation:nav.mine", icon: <CommentOutlined />, order: 3 },
  },
  {
    path: "/mediations/:id",
    access: "signed-in",
    scene: () => import("./scenes/mediation-workspace-scene").then((m) => m.MediationWorkspaceScene),
  },
  {
    path: "/court/mediations",
    access: { roles: mediationStaffRoles },
    scene: () => import("./scenes/my-mediations-scene").then((m) => m.CourtMediationsScene),
    nav: { section: "staff", label: "mediation:nav.assigned", icon: <CommentOutlined />, order: 4 },
  },
  {
    path: "/court/confirmations",
    access: { roles: confirmationRoles },
    scene: () => import("./scenes/confirmation-queue-scene").then((m) => m.ConfirmationQueueScene),
    nav: { section: "staff", label: "mediation:nav.confirmations", icon: <AuditOutlined />, order: 5 },
  },
  {
    path: "/court/confirmations/:id",
    access: { roles: confirmationRoles },
    scene: () => import("./scenes/confirmation-review-scene").then((m) => m.ConfirmationReviewScene),
  },
  {
    path: "/court/admin/mediation",
    access: { roles: registerRoles },
    scene: () => import("../admin/scenes/mediation-register-scene").then((m) => m.MediationRegisterScene),
    nav: {
      section: "staff",
      label: "mediation:nav.register",
      icon: <SafetyCertificateOutlined />,
      order: 61,
    },
  },
];
