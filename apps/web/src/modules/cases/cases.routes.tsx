import { FolderOpenOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** The litigant's (and lawyer's) case screens: my cases and one case. */
export const casesRoutes: AppRoute[] = [
  {
    path: "/cases",
    access: "signed-in",
    scene: () => import("./scenes/my-cases-scene").then((m) => m.MyCasesScene),
    nav: {
      section: "litigant",
      label: "cases:nav.myCases",
      icon: <FolderOpenOutlined />,
      order: 2,
      tabs: { litigant: 6 },
    },
  },
  {
    path: "/cases/:id",
    access: "signed-in",
    scene: () => import("./scenes/case-detail-scene").then((m) => m.CaseDetailScene),
  },
];
