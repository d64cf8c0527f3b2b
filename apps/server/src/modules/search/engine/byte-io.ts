import { closeSync, openSync, readSync, writeSync } from "node:fs";

/** A growable byte buffer with LEB128 varints, used to encode postings. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(initial = 1 << 16) {
    this.bytes = new Uint8Array(initial);
  }

  /** Makes room for `extra` more bytes (`bytes` may be replaced). */
  ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  writeVarint(value: number): void {
    this.ensure(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  writeBytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Appends to a file through a fixed buffer, so large segments are written without holding them in memory. */
export class FileAppender {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Bytes written so far (including buffered ones). */
  position = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(data: Uint8Array): void {
    if (data.length >= this.buffer.length) {
      this.flush();
      writeSync(this.fd, data);
    } else {
      if (this.used + data.length > this.buffer.length) this.flush();
      this.buffer.set(data, this.used);
      this.used += data.length;
    }
    this.position += data.length;
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Reads a file front to back in large blocks (segment merges read postings in term order). */
export class SequentialReader {
  private block = Buffer.alloc(0);
  private blockStart = 0;

  constructor(private readonly fd: number) {}

  /** Returns `length` bytes at `position`; the view is valid until the next call. */
  read(position: number, length: number): Uint8Array {
    if (position < this.blockStart || position + length > this.blockStart + this.block.length) {
      const size = Math.max(length, 4 << 20);
      if (this.block.length < size) this.block = Buffer.allocUnsafe(size);
      const got = readSync(this.fd, this.block, 0, size, position);
      this.blockStart = position;
      if (got < length) throw new Error(`short read at ${position}`);
    }
    const offset = position - this.blockStart;
    return this.block.subarray(offset, offset + length);
  }
}

/** FNV-1a over the UTF-16 code units of a string: the id → document lookup key. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
