import { CalculatorOutlined, FormOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** The filing context's screens: the fee calculator, starting a complaint and the complaint wizard. */
export const filingRoutes: AppRoute[] = [
  {
    path: "/fees",
    access: "public",
    scene: () => import("./scenes/fee-calculator-scene").then((m) => m.FeeCalculatorScene),
    nav: {
      section: "public",
      label: "common:nav.fees",
      icon: <CalculatorOutlined />,
      order: 10,
      tabs: { visitor: 10 },
      tabLabel: "common:nav.tabs.fees",
    },
  },
  {
    path: "/filings/new",
    access: "signed-in",
    scene: () => import("./scenes/new-filing-scene").then((m) => m.NewFilingScene),
    nav: {
      section: "litigant",
      label: "filing:nav.newFiling",
      icon: <FormOutlined />,
      order: 1,
      tabs: { litigant: 5 },
      tabLabel: "common:nav.tabs.newFiling",
    },
  },
  {
    path: "/filings/:id",
    access: "signed-in",
    scene: () => import("./scenes/filing-wizard-scene").then((m) => m.FilingWizardScene),
  },
];
