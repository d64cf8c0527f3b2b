import type { Court } from "./filing.api";

// The court a new complaint is addressed to is the filer's choice among the courts with jurisdiction:
// none is chosen for them unless only one court can hear the case, or they chose one before.

const STORAGE_KEY = "netcourt.filing.court";

/** Remembers the court the filer addressed a complaint to, as the next complaint's default. */
export function rememberCourt(courtId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, courtId);
  } catch {
    // Storage may be unavailable (private browsing): the filer then simply chooses again.
  }
}

/** The court the filer chose last time, if the browser remembers one. */
export function rememberedCourt(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The court to preselect: the only one with jurisdiction, else the filer's previous choice if it still has it. */
export function defaultCourt(courts: readonly Court[], previous: string | null): Court | undefined {
  if (courts.length === 1) return courts[0];
  return previous === null ? undefined : courts.find((court) => court.id === previous);
}

/** The court a written complaint addresses (此致 …), among those offered; undefined when none matches. */
export function namedCourt(courts: readonly Court[], name: string | null | undefined): Court | undefined {
  const wanted = name?.trim();
  if (!wanted) return undefined;
  return courts.find((court) => wanted.includes(court.nameZh) || court.nameZh.includes(wanted));
}
