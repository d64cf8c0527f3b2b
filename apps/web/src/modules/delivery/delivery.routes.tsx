import { MailOutlined, SendOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";
import { InboxNavIcon } from "./components/inbox-nav-icon";

/** Who records service by post or public notice (民事诉讼法第八十七条: the clerk keeps the 送达回证). */
const serviceClerkRoles = ["clerk", "court_admin"] as const;

/** The delivery context's screens: the inbox, a served document, the service address and the clerk's list. */
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
  {
    // The link in the SMS and e-mail of service; the route guard sends a visitor to sign in and back.
    path: "/served/:serviceId",
    access: "signed-in",
    scene: () => import("./scenes/served-scene").then((m) => m.ServedScene),
  },
  {
    path: "/account/service-address",
    access: "signed-in",
    scene: () => import("./scenes/service-address-scene").then((m) => m.ServiceAddressScene),
    nav: { section: "litigant", label: "delivery:address.nav", icon: <MailOutlined />, order: 15 },
  },
  {
    path: "/court/services",
    access: { roles: serviceClerkRoles },
    scene: () => import("./scenes/undeliverable-scene").then((m) => m.UndeliverableScene),
    nav: { section: "staff", label: "delivery:undeliverable.nav", icon: <SendOutlined />, order: 4 },
  },
];
