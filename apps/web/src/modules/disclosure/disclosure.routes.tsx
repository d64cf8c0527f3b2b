import { FileSearchOutlined, HomeOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** The public portal's screens. */
export const disclosureRoutes: AppRoute[] = [
  {
    path: "/",
    access: "public",
    scene: () => import("./scenes/home-scene").then((m) => m.HomeScene),
    nav: {
      section: "public",
      label: "common:nav.home",
      icon: <HomeOutlined />,
      order: 0,
      tabs: { visitor: 0, litigant: 0, staff: 0 },
    },
  },
  {
    path: "/progress",
    access: "public",
    scene: () => import("./scenes/progress-scene").then((m) => m.ProgressScene),
    nav: {
      section: "public",
      label: "common:nav.progress",
      icon: <FileSearchOutlined />,
      order: 20,
      tabs: { visitor: 20 },
      tabLabel: "common:nav.tabs.progress",
    },
  },
];
