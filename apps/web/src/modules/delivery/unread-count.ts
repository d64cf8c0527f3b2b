import { useEffect, useSyncExternalStore } from "react";
import { deliveryApi } from "./delivery.api";

// One shared count for every place that shows it (side menu, drawer, tab bar, inbox page), refreshed
// while something shows it: on mount, every minute, when the tab comes back, and after marking read.
const REFRESH_MS = 60_000;

let unread = 0;
let watchers = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function publish(next: number): void {
  if (next === unread) return;
  unread = next;
  listeners.forEach((listener) => listener());
}

/** Loads the unread count now; failures keep the last known count (the badge is a hint). */
export async function refreshUnreadCount(): Promise<void> {
  try {
    publish((await deliveryApi.unreadCount()).unread);
  } catch {
    // signed out or offline: nothing to show differently
  }
}

/** Sets the count from an answer that already carries it (the inbox list). */
export function setUnreadCount(count: number): void {
  publish(count);
}

function onVisible(): void {
  if (document.visibilityState === "visible") void refreshUnreadCount();
}

function watch(): () => void {
  watchers += 1;
  if (watchers === 1) {
    void refreshUnreadCount();
    timer = setInterval(() => void refreshUnreadCount(), REFRESH_MS);
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    watchers -= 1;
    if (watchers === 0) {
      if (timer) clearInterval(timer);
      timer = null;
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The caller's unread message count, kept fresh while the component is shown. */
export function useUnreadCount(): number {
  useEffect(watch, []);
  return useSyncExternalStore(subscribe, () => unread);
}
