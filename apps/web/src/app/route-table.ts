import { adminRoutes } from "../modules/admin/admin.routes";
import { casesRoutes } from "../modules/cases/cases.routes";
import { deliveryRoutes } from "../modules/delivery/delivery.routes";
import { disclosureRoutes } from "../modules/disclosure/disclosure.routes";
import { evidenceRoutes } from "../modules/evidence/evidence.routes";
import { filingRoutes } from "../modules/filing/filing.routes";
import { hearingRoutes } from "../modules/hearing/hearing.routes";
import { broadcastRoutes } from "../modules/hearing/broadcast/broadcast.routes";
import { identityRoutes } from "../modules/identity/identity.routes";
import { ledgerRoutes } from "../modules/ledger/ledger.routes";
import { mediationRoutes } from "../modules/mediation/mediation.routes";
import { workbenchRoutes } from "../modules/workbench/workbench.routes";
import type { AppRoute } from "./app-routes";

/** Every module's screens. A module adds its routes (and their menu entries) with one line here. */
export const appRoutes: readonly AppRoute[] = [
  ...disclosureRoutes,
  ...filingRoutes,
  ...casesRoutes,
  ...deliveryRoutes,
  ...identityRoutes,
  ...workbenchRoutes,
  ...ledgerRoutes,
  ...adminRoutes,
  ...mediationRoutes,
  ...evidenceRoutes,
  ...hearingRoutes,
  ...broadcastRoutes,
];
