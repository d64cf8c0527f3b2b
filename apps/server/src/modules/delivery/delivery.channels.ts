import type { AppConfig } from "../../platform";
import { SmtpEmailSender, SimulatedEmailSender, type EmailSender } from "../../platform/ports/email";
import { HttpSmsSender, SimulatedSmsSender, type SmsSender } from "../../platform/ports/sms";

/** The SMS port the configuration names: the HTTP gateway (SMS_GATEWAY_URL) or the simulator. */
export function smsSenderFor(config: Pick<AppConfig, "smsGateway">): SmsSender {
  return config.smsGateway ? new HttpSmsSender(config.smsGateway) : new SimulatedSmsSender();
}

/** The e-mail port the configuration names: the SMTP server (SMTP_URL) or the simulator. */
export function emailSenderFor(config: Pick<AppConfig, "smtp">): EmailSender {
  return config.smtp ? new SmtpEmailSender(config.smtp) : new SimulatedEmailSender();
}
