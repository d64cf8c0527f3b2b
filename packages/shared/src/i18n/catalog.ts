/** A tree of messages: each leaf is one i18next string (`{{name}}` interpolates a value). */
export interface Messages {
  [key: string]: string | Messages;
}

/** The same tree with every leaf widened to string: the shape the other language must match. */
export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** One context's messages in every language; the English tree must have exactly the zh-CN keys. */
export interface Catalog<T extends Messages> {
  "zh-CN": T;
  en: SameShape<NoInfer<T>>;
}

/**
 * Declares a context's catalog. The type checker refuses an English tree that lacks a zh-CN key or
 * has one zh-CN lacks, so both languages stay complete.
 */
export function defineCatalog<T extends Messages>(catalog: Catalog<T>): Catalog<T> {
  return catalog;
}
