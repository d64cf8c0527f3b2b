export { registerFilingRoutes } from "./filing.routes";
export { counterclaimFeeDeadlineJob, feeDeadlineJob, FEE_DEADLINE_JOB } from "./filing.jobs";
export { filingCaseActions, getFilingView } from "./filing.queries";
// The complaint's evidence list as filed: the plaintiff's first catalogue in the evidence context.
export { listFiledEvidence } from "./filed-evidence.queries";
// A filed claim read again for its amounts and interest terms (the element table's pre-fill).
export { extractClaim, type ExtractedClaim } from "./extraction.rules";
export type { PaymentGateway, PaymentNotification } from "./filing.ports";
export { SimulatedPaymentGateway } from "./adapters/simulated-payment";
export { acceptFiling } from "./commands/accept-filing";
export { createFilingDraft } from "./commands/create-filing-draft";
export { saveFilingDraft } from "./commands/save-filing-draft";
export { submitFiling } from "./commands/submit-filing";
export { receiveReferredFiling } from "./commands/receive-referred-filing";
export { suspendFeeForMediation } from "./commands/cancel-fee-order";
export { confirmFeePayment } from "./commands/confirm-fee-payment";
export { calculateFee } from "./fees.rules";
export { HttpPaymentGateway, loadHttpPaymentGateway } from "./adapters/http-payment-gateway";
export { serveComplaint } from "./commands/serve-complaint";
export { serveComplaintJob } from "./commands/serve-complaint.job";
export { registerDefendantRoutes } from "./defendant.routes";
export { defendantCaseActions } from "./defendant.queries";
