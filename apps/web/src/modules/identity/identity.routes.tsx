import {
  AuditOutlined,
  IdcardOutlined,
  LoginOutlined,
  UserAddOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** Roles that review real-name verifications (clerks of the filing division, court administrators). */
export const verificationReviewerRoles = ["clerk", "court_admin"] as const;

/** The identity context's screens. */
export const identityRoutes: AppRoute[] = [
  {
    path: "/sign-in",
    access: "guest",
    scene: () => import("./scenes/sign-in-scene").then((m) => m.SignInScene),
    nav: { section: "public", label: "common:nav.signIn", icon: <LoginOutlined />, order: 90 },
  },
  {
    path: "/register",
    access: "guest",
    scene: () => import("./scenes/register-scene").then((m) => m.RegisterScene),
    nav: { section: "public", label: "common:nav.register", icon: <UserAddOutlined />, order: 91 },
  },
  {
    path: "/account",
    access: "signed-in",
    scene: () => import("./scenes/account-scene").then((m) => m.AccountScene),
    nav: { section: "litigant", label: "common:nav.account", icon: <UserOutlined />, order: 10 },
  },
  {
    path: "/account/verification",
    access: "signed-in",
    scene: () => import("./scenes/verification-scene").then((m) => m.VerificationScene),
    nav: { section: "litigant", label: "common:nav.verification", icon: <IdcardOutlined />, order: 20 },
  },
  {
    path: "/staff/verifications",
    access: { roles: verificationReviewerRoles },
    scene: () => import("./scenes/verification-queue-scene").then((m) => m.VerificationQueueScene),
    nav: { section: "staff", label: "common:nav.verificationReview", icon: <AuditOutlined />, order: 10 },
  },
  {
    path: "/staff/verifications/:id",
    access: { roles: verificationReviewerRoles },
    scene: () => import("./scenes/verification-review-scene").then((m) => m.VerificationReviewScene),
  },
];
