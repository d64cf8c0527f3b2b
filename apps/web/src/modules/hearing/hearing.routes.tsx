import { CalendarOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** Who plans a court's hearings: its judges, clerks and administrators. */
export const hearingStaffRoles = ["judge", "clerk", "court_admin"] as const;

/** Hearings: the court's calendar (the case pages show each case's hearings). */
export const hearingRoutes: AppRoute[] = [
  {
    path: "/court/hearings",
    access: { roles: hearingStaffRoles },
    scene: () => import("./scenes/court-calendar-scene").then((m) => m.CourtCalendarScene),
    nav: { section: "staff", label: "hearing:nav.calendar", icon: <CalendarOutlined />, order: 3.5 },
  },
  // The online hearing room: one scene for the parties and agents and for the court.
  {
    path: "/hearings/:hearingId/room",
    access: "signed-in",
    scene: () => import("./room/hearing-room-scene").then((m) => m.HearingRoomScene),
  },
  {
    path: "/court/hearings/:hearingId/room",
    access: { roles: ["judge", "clerk"] },
    scene: () => import("./room/hearing-room-scene").then((m) => m.HearingRoomScene),
  },
];
