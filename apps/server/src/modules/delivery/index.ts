export { sendInboxMessage } from "./commands/send-inbox-message";
export { registerDeliveryRoutes } from "./delivery.routes";
export { renderInboxMessage, type InboxKind } from "./delivery.messages";
// Service of process (送达): the one way every context serves a document, and what follows it.
export { serveDocument, type ServeDocumentOptions } from "./commands/serve-document";
export { recordPartyActed } from "./commands/record-party-acted";
export { attachPartyUser } from "./commands/attach-party-user";
export { queuePartyNotice } from "./commands/send-notice";
export { findServiceAddress } from "./commands/service-address";
export { listServicesOfDocument } from "./document-services.queries";
export { scheduleServiceSweep, serviceJobs } from "./delivery.jobs";
export { smsSenderFor, emailSenderFor } from "./delivery.channels";
export {
  servedDocumentKinds,
  type AddressBasis,
  type ServedDocumentKind,
  type ServiceStatus,
} from "./delivery.tables";
