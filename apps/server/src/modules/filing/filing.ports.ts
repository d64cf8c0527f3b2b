// The payment port is declared in platform/ports so that the application's context names it without
// importing this module; filing code keeps importing it from here.
export type { PaymentGateway, PaymentNotification, PaymentStatus } from "../../platform/ports/index";
