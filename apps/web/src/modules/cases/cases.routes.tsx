import { FolderOpenOutlined, LinkOutlined } from "@ant-design/icons";
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
    path: "/cases/link",
    access: "signed-in",
    scene: () => import("./scenes/link-case-scene").then((m) => m.LinkCaseScene),
    nav: { section: "litigant", label: "cases:defence.link.title", icon: <LinkOutlined />, order: 4 },
  },
  {
    path: "/cases/:id",
    access: "signed-in",
    scene: () => import("./scenes/case-detail-scene").then((m) => m.CaseDetailScene),
  },
];
