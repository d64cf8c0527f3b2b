/**
 * A fair async mutex. PGlite is one connection: a transaction must own it from BEGIN to COMMIT, and a
 * long queue of awaited queries must still let timers and sockets run, so every few hand-overs go
 * through `setImmediate`.
 */
export class Mutex {
  #locked = false;
  #waiters: Array<() => void> = [];
  #handOvers = 0;

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (!next) {
      this.#locked = false;
      this.#handOvers = 0;
      return;
    }
    this.#handOvers += 1;
    if (this.#handOvers % 8 === 0) setImmediate(next);
    else queueMicrotask(next);
  }

  get queueLength(): number {
    return this.#waiters.length;
  }
}
