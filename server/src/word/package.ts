// Writes a .docx package again with a few parts changed or added: every other entry is copied as
// it is stored (its local header, compressed bytes and descriptor, and its central directory
// record), so it stays byte for byte what Word or WPS wrote. Changed and new parts are deflated
// with fflate. The archive is read by the reader's ZipArchive (documents/zip.ts).
import { deflateSync } from 'fflate';
import type { ZipArchive } from '../documents/zip';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * `parts`: new content by entry name; a name the archive has is replaced where it stands, the
 * others are added at the end, with the date and time of `timeOf` (an existing entry), so the
 * output does not depend on the clock.
 */
export function rewritePackage(zip: ZipArchive, parts: Map<string, Uint8Array>, timeOf: string): Uint8Array {
  const { entries, comment } = zip.rawEntries();
  const template = entries.find((e) => e.name === timeOf)?.central ?? null;
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (local: Uint8Array, central: Uint8Array) => {
    const record = central.slice();
    new DataView(record.buffer, record.byteOffset, record.byteLength).setUint32(42, offset, true);
    chunks.push(local);
    centrals.push(record);
    offset += local.length;
  };
  const written = new Set<string>();
  for (const entry of entries) {
    const data = parts.get(entry.name);
    if (data && !written.has(entry.name)) {
      const { local, central } = storedEntry(entry.name, data, entry.central);
      push(local, central);
    } else if (!data) push(entry.local, entry.central);
    // A duplicate of a replaced name is dropped: the package has one part by that name.
    written.add(entry.name);
  }
  for (const [name, data] of parts) {
    if (written.has(name)) continue;
    const { local, central } = storedEntry(name, data, template);
    push(local, central);
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22 + comment.length);
  const view = new DataView(end.buffer);
  view.setUint32(0, END, true);
  view.setUint16(8, centrals.length, true);
  view.setUint16(10, centrals.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  view.setUint16(20, comment.length, true);
  end.set(comment, 22);
  return concat([...chunks, ...centrals, end]);
}

/** A deflated entry: its local record and its central record (offset filled in by the caller). */
function storedEntry(name: string, data: Uint8Array, like: Uint8Array | null): { local: Uint8Array; central: Uint8Array } {
  const nameBytes = new TextEncoder().encode(name);
  const ascii = nameBytes.every((b) => b < 0x80);
  const compressed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  const old = like ? new DataView(like.buffer, like.byteOffset, like.byteLength) : null;
  const time = old?.getUint16(12, true) ?? 0;
  const date = old?.getUint16(14, true) ?? 0x21; // 1980-01-01
  const flags = ascii ? 0 : 0x800;

  const local = new Uint8Array(30 + nameBytes.length + compressed.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, LOCAL, true);
  l.setUint16(4, 20, true);
  l.setUint16(6, flags, true);
  l.setUint16(8, 8, true);
  l.setUint16(10, time, true);
  l.setUint16(12, date, true);
  l.setUint32(14, crc, true);
  l.setUint32(18, compressed.length, true);
  l.setUint32(22, data.length, true);
  l.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(compressed, 30 + nameBytes.length);

  const central = new Uint8Array(46 + nameBytes.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, CENTRAL, true);
  c.setUint16(4, old?.getUint16(4, true) ?? 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, flags, true);
  c.setUint16(10, 8, true);
  c.setUint16(12, time, true);
  c.setUint16(14, date, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, compressed.length, true);
  c.setUint32(24, data.length, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(38, old?.getUint32(38, true) ?? 0, true);
  central.set(nameBytes, 46);
  return { local, central };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 of the zip format (fflate keeps its own internal). */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
