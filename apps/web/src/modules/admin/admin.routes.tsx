import { TeamOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** Who administers a court's divisions and staff. */
export const courtAdminRoles = ["court_admin"] as const;

/** Court administration's screens, and the invitee's page opened from an invitation link. */
export const adminRoutes: AppRoute[] = [
  {
    path: "/court/admin",
    access: { roles: courtAdminRoles },
    scene: () => import("./scenes/court-admin-scene").then((m) => m.CourtAdminScene),
    nav: { section: "staff", label: "admin:nav.admin", icon: <TeamOutlined />, order: 60 },
  },
  {
    path: "/invite/:token",
    access: "public",
    scene: () => import("./scenes/invite-scene").then((m) => m.InviteScene),
  },
];
