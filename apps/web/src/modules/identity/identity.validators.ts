import { checkCreditCode, checkResidentIdNumber } from "@netcourt/shared/identity-checks";
import type { FormRule } from "antd";
import { i18next } from "../../platform/i18n";

// Form rules give instant feedback with the same checks the server applies; the server stays the judge.

const t = (key: string, options?: Record<string, unknown>) =>
  i18next.t(`identity:${key}` as never, options as never) as unknown as string;

/** GB 11643 resident ID number: length, birth date and the MOD 11-2 check digit. */
export const residentIdRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const result = checkResidentIdNumber(value ?? "", new Date());
    if (!result.ok) throw new Error(t(`checks.idNumber.${result.reason}`));
  },
};

/** GB 32100 unified social credit code: code set, region and both check characters. */
export const creditCodeRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const result = checkCreditCode(value ?? "");
    if (!result.ok) throw new Error(t(`checks.creditCode.${result.reason}`));
  },
};

/** Mainland mobile numbers (13x–19x), with an optional +86 and separators. */
export function normalisePhone(input: string): string {
  const digits = input.normalize("NFKC").replace(/[\s\-().·]/g, "");
  return /^(?:\+86|0086|86)(1\d{10})$/.exec(digits)?.[1] ?? digits;
}

export const phoneRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    if (!/^1[3-9]\d{9}$/.test(normalisePhone(value ?? ""))) throw new Error(t("checks.phoneInvalid"));
  },
};

export const emailRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const text = (value ?? "").trim();
    if (text !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text)) throw new Error(t("checks.emailInvalid"));
  },
};

/** At least 8 characters mixing letters and digits. */
export const passwordRule: FormRule = {
  validator: async (_rule, value: string | undefined) => {
    const text = value ?? "";
    if (text.length < 8 || !/[A-Za-z]/.test(text) || !/\d/.test(text))
      throw new Error(t("checks.passwordWeak"));
  },
};

/** The confirmation must equal the field `other`. */
export function sameAsRule(other: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value !== getFieldValue(other)) throw new Error(t("checks.passwordsDiffer"));
    },
  });
}

/** A required field with the message "enter <label>". */
export function requiredRule(label: string): FormRule {
  return { required: true, whitespace: true, message: t("checks.required", { field: label }) };
}
