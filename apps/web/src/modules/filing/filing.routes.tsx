import { CalculatorOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** The filing context's screens that exist so far. */
export const filingRoutes: AppRoute[] = [
  {
    path: "/fees",
    access: "public",
    scene: () => import("./scenes/fee-calculator-scene").then((m) => m.FeeCalculatorScene),
    nav: { section: "public", label: "common:nav.fees", icon: <CalculatorOutlined />, order: 10, tab: 10 },
  },
];
