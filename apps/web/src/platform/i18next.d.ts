import type { LocaleMessages } from "@netcourt/shared/i18n/index";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: LocaleMessages;
  }
}
