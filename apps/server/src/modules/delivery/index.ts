export { sendInboxMessage } from "./commands/send-inbox-message";
export { registerDeliveryRoutes } from "./delivery.routes";
export { renderInboxMessage } from "./delivery.messages";
