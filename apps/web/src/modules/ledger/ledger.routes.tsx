import { SafetyCertificateOutlined } from "@ant-design/icons";
import type { AppRoute } from "../../app/app-routes";

/** The evidence ledger's public screens. */
export const ledgerRoutes: AppRoute[] = [
  {
    path: "/verify",
    access: "public",
    scene: () => import("./scenes/verify-scene").then((m) => m.VerifyScene),
    nav: { section: "public", label: "common:nav.verify", icon: <SafetyCertificateOutlined />, order: 30 },
  },
];
