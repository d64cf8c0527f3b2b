// The message catalogs of netcourt, one namespace per context. A context adds its file
// (`defineCatalog({ "zh-CN": {...}, en: {...} })`) and one line to `catalogs` below; the web UI and the
// server both read them. Error messages come from the error catalog, so an error code added in
// `errors/<context>.ts` is translated everywhere without touching this folder.
import { errorCatalog } from "../errors/index";
import type { Locale } from "../locale";
import type { SameShape } from "./catalog";
import { admin } from "./admin";
import { asyncTrial } from "./async-trial";
import { broadcast } from "./broadcast";
import { cases } from "./cases";
import { common } from "./common";
import { delivery } from "./delivery";
import { disclosure } from "./disclosure";
import { elements } from "./elements";
import { evidence } from "./evidence";
import { filing } from "./filing";
import { hearing } from "./hearing";
import { hearingRoom } from "./hearing-room";
import { identity } from "./identity";
import { ledger } from "./ledger";
import { mediation } from "./mediation";
import { transcript } from "./transcript";
import { workbench } from "./workbench";

export { defineCatalog, type Catalog, type Messages, type SameShape } from "./catalog";

/** Every context's catalog, by namespace. */
export const catalogs = {
  common,
  identity,
  filing,
  cases,
  delivery,
  disclosure,
  ledger,
  workbench,
  admin,
  mediation,
  evidence,
  hearing,
  hearingRoom,
  asyncTrial,
  broadcast,
  transcript,
  elements,
} as const;

export type Namespace = keyof typeof catalogs | "errors";

/** The messages of one language: each context's tree, plus `errors` (error code → message). */
export type LocaleMessages = { [N in keyof typeof catalogs]: SameShape<(typeof catalogs)[N]["zh-CN"]> } & {
  errors: Record<string, string>;
};

type LeafPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Any message of any catalog as `namespace:path.to.leaf`, e.g. `"common:nav.home"`. */
export type MessageKey = {
  [N in keyof typeof catalogs]: `${N}:${LeafPaths<(typeof catalogs)[N]["zh-CN"]>}`;
}[keyof typeof catalogs];

function errorMessages(locale: Locale): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [code, definition] of Object.entries(errorCatalog)) {
    messages[code] = locale === "en" ? definition.en : definition.zh;
  }
  return { ...messages, ...common[locale].clientErrors };
}

function messagesFor(locale: Locale): LocaleMessages {
  const out: Record<string, unknown> = { errors: errorMessages(locale) };
  for (const [namespace, catalog] of Object.entries(catalogs)) out[namespace] = catalog[locale];
  return out as LocaleMessages;
}

/** i18next `resources`: language → namespace → messages. */
export const i18nResources: Record<Locale, LocaleMessages> = {
  "zh-CN": messagesFor("zh-CN"),
  en: messagesFor("en"),
};
