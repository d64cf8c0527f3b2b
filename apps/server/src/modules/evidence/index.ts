// Evidence exchange (证据交换): each party's evidence catalogue with its files checked against the
// ledger (核验), the evidence and cross-examination periods, requests for more time, the other side's
// opinions (质证) and the judge's decisions (认证).
export { registerEvidenceRoutes } from "./evidence.routes";
export { findVisibleFile } from "./evidence.queries";
export type { EvidenceTables } from "./evidence.tables";
// A read for the asynchronous trial: whether the evidence exchange left items in dispute.
export { countDisputedEvidence } from "./evidence.disputes";
// A read for the element table: which items a judge's finding may name as relied on.
export { listSubmittedEvidenceIds } from "./evidence.items";
