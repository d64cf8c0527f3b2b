// Ports the application's context holds: types only, so that platform code and the context name
// them without importing the modules that implement them (DESIGN.md: adapters).
export type { Ledger } from "./ledger";
export type { PaymentGateway, PaymentNotification, PaymentStatus } from "./payment";
export type { RealNameCheck, RealNameResult, RealNameVerifier } from "./real-name";
export type { SecretBox } from "./secret-box";
export type { ChannelMessage, ChannelResult, SmsSender } from "./sms";
export type { EmailSender } from "./email";
export type { SpeechRecognizer, SpeechSegment, TranscribeInput, TranscribeResult } from "./speech";
