import { defaultLocale, locales, type Locale } from "@netcourt/shared";
import { i18nResources, type MessageKey } from "@netcourt/shared/i18n/index";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";

const STORAGE_KEY = "nc_locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the default
  }
}

/** True when the visitor chose a language on this device (the choice outranks the account's). */
export function hasStoredLocale(): boolean {
  return readStoredLocale() !== null;
}

/** The language of the screens and of every API request. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : defaultLocale;
}

/** Switches the screens to `locale`, remembers it on this device and labels the document for assistive tech. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits; the switch still applies now.
  }
  await i18next.changeLanguage(locale);
}

i18next.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

/** Initialises i18next with the shared catalogs; call once before rendering. */
export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: i18nResources,
    lng: readStoredLocale() ?? defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    ns: Object.keys(i18nResources[defaultLocale]),
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = currentLocale();
}

export { i18next };

/** Translates a key held in data (`"common:nav.home"`); call it from a component that uses useTranslation. */
export function translateKey(key: MessageKey, options?: Record<string, unknown>): string {
  return i18next.t(key, options as never) as unknown as string;
}
