import type { AppRoute } from "../../app/app-routes";
import { InboxNavIcon } from "./components/inbox-nav-icon";

/** The delivery context's screens: the platform inbox. */
export const deliveryRoutes: AppRoute[] = [
  {
    path: "/inbox",
    access: "signed-in",
    scene: () => import("./scenes/inbox-scene").then((m) => m.InboxScene),
    nav: {
      section: "litigant",
      label: "delivery:nav.inbox",
      icon: <InboxNavIcon />,
      order: 5,
      // Staff are served too: new filings to review, cases assigned.
      audiences: ["litigant", "staff"],
      tabs: { litigant: 15, staff: 15 },
    },
  },
];
