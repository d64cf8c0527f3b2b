import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { isApiError, onApiError } from "../../platform/api-client";
import { changeLocale, hasStoredLocale } from "../../platform/i18n";
import { identityApi, type Me, type StaffRole } from "./identity.api";

export type SessionStatus = "loading" | "anonymous" | "signed-in" | "unreachable";

export interface Session {
  /** The account, or null when nobody is signed in (or while loading). */
  me: Me | null;
  status: SessionStatus;
  /** Reloads `GET /api/me`. */
  refresh: () => Promise<void>;
  /** Stores the account returned by sign-in, registration or a profile change. */
  setMe: (me: Me | null) => void;
  /** Signs out on the server and forgets the account. */
  signOut: () => Promise<void>;
  /** True after the user signed out in this tab (until the next sign-in): pages then leave for home. */
  hasSignedOut: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Holds who is signed in, from `GET /api/me` (401 → anonymous), and follows session loss on any call. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>("loading");
  const [hasSignedOut, setSignedOut] = useState(false);

  const setMe = useCallback((next: Me | null) => {
    setMeState(next);
    setStatus(next ? "signed-in" : "anonymous");
    if (next) setSignedOut(false);
    // The account's language applies until the visitor picks one on this device.
    if (next && !hasStoredLocale()) void changeLocale(next.locale);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setMe(await identityApi.me());
    } catch (error) {
      if (isApiError(error) && error.status === 401) setMe(null);
      else {
        setMeState(null);
        setStatus("unreachable");
      }
    }
  }, [setMe]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A call that answers 401 means the session ended (expired, revoked, signed out elsewhere).
  useEffect(
    () =>
      onApiError((error) => {
        if (isApiError(error, "authentication_required", "session_expired")) {
          setMeState(null);
          setStatus("anonymous");
        }
      }),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await identityApi.logout();
    } finally {
      setSignedOut(true);
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo(
    () => ({ me, status, refresh, setMe, signOut, hasSignedOut }),
    [me, status, refresh, setMe, signOut, hasSignedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in and how to change it. */
export function useMe(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useMe must be used inside <SessionProvider>");
  return session;
}

/** True when the account holds one of `roles` at some court. */
export function hasAnyRole(me: Me | null, roles: readonly StaffRole[]): boolean {
  return me !== null && me.memberships.some((membership) => roles.includes(membership.role));
}

/** True when the account is fully signed in: any required second factor is done. */
export function isFullySignedIn(me: Me | null): me is Me {
  return me !== null && !me.needsSecondFactor;
}
