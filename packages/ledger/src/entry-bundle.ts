import { isSize } from "./encoding";
import { LedgerError } from "./errors";
import { TILE_WIDTH } from "./tile-path";

/** Largest entry an entry bundle can hold (uint16 length prefix). */
export const MAX_ENTRY_SIZE = 65_535;

/** tlog-tiles entry bundle: each entry as uint16 big-endian length ‖ bytes. Throws `invalid_argument`. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length < 1 || entries.length > TILE_WIDTH) {
    throw new LedgerError("invalid_argument", "an entry bundle holds 1..256 entries");
  }
  let length = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) throw new LedgerError("invalid_argument", "entry exceeds 65,535 bytes");
    length += 2 + e.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const e of entries) {
    out[offset] = e.length >>> 8;
    out[offset + 1] = e.length & 0xff;
    out.set(e, offset + 2);
    offset += 2 + e.length;
  }
  return out;
}

/**
 * Splits an entry bundle into entries (views into `data`). With `width`, the bundle must hold exactly
 * that many. Throws `malformed_entry_bundle` on truncation, trailing bytes or a wrong count.
 */
export function decodeEntryBundle(data: Uint8Array, width?: number): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let offset = 0;
  while (offset < data.length) {
    if (offset + 2 > data.length) throw new LedgerError("malformed_entry_bundle", "truncated length prefix");
    const length = (data[offset]! << 8) | data[offset + 1]!;
    const end = offset + 2 + length;
    if (end > data.length) throw new LedgerError("malformed_entry_bundle", "truncated entry");
    entries.push(data.subarray(offset + 2, end));
    offset = end;
  }
  if (
    entries.length < 1 ||
    entries.length > TILE_WIDTH ||
    (width !== undefined && entries.length !== width)
  ) {
    throw new LedgerError("malformed_entry_bundle", `bundle holds ${entries.length} entries`);
  }
  return entries;
}

/** One entry bundle to write, with the same index/width as the level-0 hash tile. */
export interface EntryBundleUpdate {
  index: number;
  width: number;
  data: Uint8Array;
}

/**
 * Appends entries to a log stored as entry bundles: `partial` is the current partial bundle of
 * `oldSize` (empty when oldSize is a multiple of 256). Returns every bundle to write, in order.
 */
export function updateEntryBundles(
  oldSize: number,
  partial: Uint8Array,
  newEntries: readonly Uint8Array[],
): EntryBundleUpdate[] {
  if (!isSize(oldSize)) throw new LedgerError("invalid_argument", "invalid tree size");
  const oldWidth = oldSize % TILE_WIDTH;
  const existing = oldWidth === 0 ? [] : decodeEntryBundle(partial, oldWidth);
  if (oldWidth === 0 && partial.length !== 0) {
    throw new LedgerError("malformed_entry_bundle", "no partial bundle exists at this size");
  }
  const updates: EntryBundleUpdate[] = [];
  let pending: Uint8Array[] = [...existing];
  let index = Math.floor(oldSize / TILE_WIDTH);
  for (const entry of newEntries) {
    pending.push(entry);
    if (pending.length === TILE_WIDTH) {
      updates.push({ index, width: TILE_WIDTH, data: encodeEntryBundle(pending) });
      pending = [];
      index++;
    }
  }
  if (pending.length > existing.length || (pending.length > 0 && updates.length > 0)) {
    updates.push({ index, width: pending.length, data: encodeEntryBundle(pending) });
  }
  return updates;
}
