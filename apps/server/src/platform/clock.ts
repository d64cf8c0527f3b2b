/** Time is always passed in (DESIGN.md), so rules and jobs are testable with any `now`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved forward by `offsetMs` (CLOCK_OFFSET of a test or training court, so that a
 * period can run out without waiting for it); the system clock itself when there is no offset.
 */
export function offsetClock(offsetMs: number): Clock {
  if (offsetMs === 0) return systemClock;
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** A clock tests can move. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date | string): void {
    this.#now = new Date(to);
  }
  advance(milliseconds: number): void {
    this.#now = new Date(this.#now.getTime() + milliseconds);
  }
}
