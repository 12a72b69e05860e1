/**
 * The zip container of an OOXML package, read and written with fflate's raw deflate. Reading
 * inflates an entry only when it is asked for, into a buffer of the size the central directory
 * declares (checked against the zip-bomb caps first, `load.ts`): an entry cannot inflate past it.
 * Writing copies every unchanged entry's compressed bytes as they were, so a part we did not
 * touch is byte for byte the input's.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  /** General purpose flags of the central directory (bit 0: encrypted, bit 11: UTF-8 name). */
  flags: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
  /** The entry's modification time and date, DOS format, kept when copied. */
  time: number;
  date: number;
}

/** Thrown for a zip that cannot be read; load.ts turns it into an InputError. */
export class ZipError extends Error {
  constructor(readonly reason: 'corrupt' | 'unsupported') {
    super(reason);
  }
}

const utf8 = new TextDecoder('utf-8');
const latin = new TextDecoder('latin1');

/** Lists the entries of the central directory. Throws ZipError. */
export function readZipDirectory(buf: Uint8Array): ZipEntry[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (p: number): number => dv.getUint32(p, true);
  const u16 = (p: number): number => dv.getUint16(p, true);
  const u64 = (p: number): number => u32(p) + u32(p + 4) * 2 ** 32;
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (u32(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt');
  let count = u16(eocd + 10);
  let p = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = u64(eocd - 12);
    if (z + 56 <= buf.length && u32(z) === 0x06064b50) {
      count = u64(z + 32);
      p = u64(z + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(p) !== 0x02014b50) throw new ZipError('corrupt');
    const flags = u16(p + 8);
    const method = u16(p + 10);
    let packedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    let local = u32(p + 42);
    if (p + 46 + nameLen > buf.length) throw new ZipError('corrupt');
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? utf8 : latin).decode(nameBytes);
    if (size === 0xffffffff || packedSize === 0xffffffff || local === 0xffffffff) {
      const end = Math.min(buf.length, p + 46 + nameLen + extraLen);
      for (let e = p + 46 + nameLen; e + 4 <= end; e += 4 + u16(e + 2)) {
        if (u16(e) !== 0x0001) continue;
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= end) {
          size = u64(q);
          q += 8;
        }
        if (packedSize === 0xffffffff && q + 8 <= end) {
          packedSize = u64(q);
          q += 8;
        }
        if (local === 0xffffffff && q + 8 <= end) local = u64(q);
      }
    }
    if (local + 30 > buf.length || u32(local) !== 0x04034b50) throw new ZipError('corrupt');
    const dataOffset = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataOffset + packedSize > buf.length) throw new ZipError('corrupt');
    entries.push({
      name,
      method,
      crc: u32(p + 16),
      packedSize,
      size,
      flags,
      dataOffset,
      time: u16(p + 12),
      date: u16(p + 14),
    });
    p += 46 + nameLen + extraLen + u16(p + 32);
  }
  return entries;
}

function isAscii(b: Uint8Array): boolean {
  for (const x of b) if (x > 0x7f) return false;
  return true;
}

/**
 * Raw-deflate decoder: fflate by default (any host). A host with a native one (Node's zlib in the
 * CLI, several times faster on a cold start) installs it with `setInflater`; it must stop at
 * `limit` bytes of output.
 */
export type Inflater = (data: Uint8Array, limit: number) => Uint8Array;
let nativeInflate: Inflater | null = null;
export function setInflater(f: Inflater | null): void {
  nativeInflate = f;
}

/** The inflated content of an entry, never larger than its declared size. Throws ZipError. */
export function inflateEntry(buf: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipError('unsupported');
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.packedSize);
  if (e.method === 0) {
    if (e.packedSize !== e.size) throw new ZipError('corrupt');
    return raw;
  }
  if (e.method !== 8) throw new ZipError('unsupported');
  let out: Uint8Array;
  try {
    // One byte of room more than declared: data that inflates further shows as a wrong length.
    out = nativeInflate
      ? nativeInflate(raw, e.size + 1)
      : inflateSync(raw, { out: new Uint8Array(e.size + 1) });
  } catch {
    throw new ZipError('corrupt');
  }
  if (out.length !== e.size) throw new ZipError('corrupt');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

let crcTable: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface OutEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  time: number;
  date: number;
  data: Uint8Array;
}

const enc = new TextEncoder();

/**
 * A new archive: the entries of `src` in their order, each copied as compressed bytes unless
 * `replace` has new content for it, then the `add` entries. Deleting: map a name to null.
 */
export function rewriteZip(
  src: Uint8Array,
  entries: readonly ZipEntry[],
  replace: ReadonlyMap<string, Uint8Array | null>,
  add: ReadonlyMap<string, Uint8Array> = new Map(),
): Uint8Array {
  const now = dosTime(new Date());
  const out: OutEntry[] = [];
  const fresh = (name: string, content: Uint8Array, time: number, date: number): OutEntry => {
    const data = deflateSync(content, { level: 6 });
    return {
      name: enc.encode(name),
      method: 8,
      crc: crc32(content),
      packedSize: data.length,
      size: content.length,
      time,
      date,
      data,
    };
  };
  for (const e of entries) {
    if (replace.has(e.name)) {
      const content = replace.get(e.name);
      if (content) out.push(fresh(e.name, content, e.time, e.date));
      continue;
    }
    out.push({
      name: enc.encode(e.name),
      method: e.method,
      crc: e.crc,
      packedSize: e.packedSize,
      size: e.size,
      time: e.time,
      date: e.date,
      data: src.subarray(e.dataOffset, e.dataOffset + e.packedSize),
    });
  }
  for (const [name, content] of add) out.push(fresh(name, content, now.time, now.date));

  let total = 22;
  for (const e of out) total += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const buf = new Uint8Array(total);
  const dv = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of out) {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 0x800, true);
    dv.setUint16(p + 8, e.method, true);
    dv.setUint16(p + 10, e.time, true);
    dv.setUint16(p + 12, e.date, true);
    dv.setUint32(p + 14, e.crc, true);
    dv.setUint32(p + 18, e.packedSize, true);
    dv.setUint32(p + 22, e.size, true);
    dv.setUint16(p + 26, e.name.length, true);
    dv.setUint16(p + 28, 0, true);
    buf.set(e.name, p + 30);
    buf.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const dirStart = p;
  out.forEach((e, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, 0x800, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint16(p + 12, e.time, true);
    dv.setUint16(p + 14, e.date, true);
    dv.setUint32(p + 16, e.crc, true);
    dv.setUint32(p + 20, e.packedSize, true);
    dv.setUint32(p + 24, e.size, true);
    dv.setUint16(p + 28, e.name.length, true);
    dv.setUint32(p + 42, offsets[i]!, true);
    buf.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, out.length, true);
  dv.setUint16(p + 10, out.length, true);
  dv.setUint32(p + 12, p - dirStart, true);
  dv.setUint32(p + 16, dirStart, true);
  return buf;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
