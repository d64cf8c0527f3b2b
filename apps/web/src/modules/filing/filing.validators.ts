import {
  factsAndReasonsIssue,
  isEmailAddress,
  isLawyerLicenceNumber,
  isPhoneNumber,
} from "@netcourt/shared/filing-checks";
import { checkCreditCode, checkResidentIdNumber } from "@netcourt/shared/identity-checks";
import type { FormRule } from "antd";
import { i18next } from "../../platform/i18n";

// Instant feedback with the very rules the server applies (packages/shared: filing-checks and
// identity-checks); the server stays the judge. Each rule lets a blank field pass: what is required
// is listed by the server before submission.

const t = (key: string) => i18next.t(`filing:checks.${key}` as never) as unknown as string;

const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";

/** GB 11643 resident ID number, when given. */
export const optionalIdNumberRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    const result = checkResidentIdNumber(String(value).replace(/\s/g, ""), new Date());
    if (!result.ok) throw new Error(t(`id_number_${result.reason}`));
  },
};

/** GB 32100 unified social credit code, when given. */
export const optionalCreditCodeRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    const result = checkCreditCode(String(value).replace(/\s/g, ""));
    if (!result.ok) throw new Error(t(`credit_code_${result.reason}`));
  },
};

export const optionalPhoneRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    if (!isPhoneNumber(String(value))) throw new Error(t("phone_invalid"));
  },
};

export const optionalEmailRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    if (!isEmailAddress(String(value))) throw new Error(t("email_invalid"));
  },
};

/** A lawyer's practising licence number: 17 digits. */
export const optionalLicenceRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    if (!isLawyerLicenceNumber(String(value).replace(/\s/g, "")))
      throw new Error(t("licence_number_invalid"));
  },
};

/** The facts and reasons, when given: as many characters as submission needs. */
export const optionalFactsRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    const issue = factsAndReasonsIssue(String(value));
    if (issue) throw new Error(t(issue));
  },
};
