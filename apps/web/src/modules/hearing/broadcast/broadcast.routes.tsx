import { VideoCameraOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../../app/app-routes";

/** 庭审直播 on the public portal, and the judge's and clerk's recording page of a hearing. */
export const broadcastRoutes: AppRoute[] = [
  {
    path: "/live",
    access: "public",
    scene: () => import("./live-list-scene").then((m) => m.LiveListScene),
    nav: { section: "public", label: "broadcast:nav.live", icon: <VideoCameraOutlined />, order: 25 },
  },
  {
    path: "/live/:hearingId",
    access: "public",
    scene: () => import("./live-player-scene").then((m) => m.LivePlayerScene),
  },
  {
    path: "/court/hearings/:hearingId/broadcast",
    access: { roles: ["judge", "clerk"] },
    scene: () => import("./broadcast-console-scene").then((m) => m.BroadcastConsoleScene),
  },
];
