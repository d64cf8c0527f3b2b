import type { AppRoute } from "../../app/app-routes";

/** Evidence exchange: the parties' catalogues and opinions, and the court's table and decisions. */
export const evidenceRoutes: AppRoute[] = [
  {
    path: "/cases/:id/evidence",
    access: "signed-in",
    scene: () => import("./scenes/evidence-scene").then((m) => m.EvidenceScene),
  },
  {
    path: "/court/cases/:id/evidence",
    access: { roles: ["judge", "clerk", "court_admin"] },
    scene: () => import("./scenes/evidence-scene").then((m) => m.StaffEvidenceScene),
  },
];
