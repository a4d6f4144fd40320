// Paragraphs as sets of character shingles, for finding copied passages. The
// text is the core's simplified view (Traditional and Simplified read alike),
// without punctuation, spaces and the report's own unit name, years folded
// (a paragraph carried over from last year differs only in its year). A
// paragraph keeps a bounded sketch: the SKETCH_SIZE smallest hashes of its
// shingles (bottom-k MinHash), so memory per paragraph is fixed whatever its
// length, and two sketches estimate how much two paragraphs share.
import stockData from './data/stock-shingles.json';

/** Characters per shingle: five Chinese characters are about two words. */
export const SHINGLE = 5;
/** Hashes kept per paragraph: the copies found are measured exactly afterwards, so the sketch only has to find them. */
export const SKETCH_SIZE = 32;

export interface Normalized {
  /** The kept characters. */
  text: string;
  /** For each kept character, its offset in the source string. */
  at: Int32Array;
}

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** A marker for a folded year: outside any text we read. */
const YEAR_MARK = 0x01;

/**
 * The characters of `norm[start, end)` that carry content: CJK, digits and
 * Latin letters (full-width folded, lower case); `remove` (the unit's names)
 * dropped; a year (`2023年`) folded to one mark. `at` is left empty unless
 * asked for (the sketches do not need it).
 */
export function normalize(norm: string, start: number, end: number, remove: readonly string[] = [], withOffsets = true): Normalized {
  const length = end - start;
  let skip: Uint8Array | null = null;
  // Searched in the paragraph alone: indexOf on the whole text would read on to its end for every paragraph.
  const slice = remove.length ? norm.slice(start, end) : '';
  for (const name of remove) {
    if (name.length < 2) continue;
    for (let i = slice.indexOf(name); i >= 0; i = slice.indexOf(name, i + name.length)) {
      skip ??= new Uint8Array(length);
      skip.fill(1, i, i + name.length);
    }
  }
  const out = new Uint16Array(length);
  const at = new Int32Array(withOffsets ? length : 0);
  let n = 0;
  for (let i = 0; i < length; i++) {
    if (skip && skip[i]) continue;
    let c = norm.charCodeAt(start + i);
    if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0; // full-width digits and letters
    if (c >= 0x30 && c <= 0x39) {
      // A year: four digits from 19 or 20 before 年 (spaces allowed before it).
      const y = yearEnd(norm, start + i, end);
      if (y > 0) {
        if (withOffsets) at[n] = start + i;
        out[n++] = YEAR_MARK;
        i = y - start - 1;
        continue;
      }
    } else if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (!((c >= 0x61 && c <= 0x7a) || isCjk(c))) continue;
    if (withOffsets) at[n] = start + i;
    out[n++] = c;
  }
  return { text: fromCodes(out, n), at: at.subarray(0, withOffsets ? n : 0) };
}

/** Where `2023年` that starts at `i` ends (after 年), or 0 when no year starts there. */
function yearEnd(norm: string, i: number, end: number): number {
  const c0 = norm.charCodeAt(i);
  const c1 = norm.charCodeAt(i + 1);
  if (!((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30))) return 0;
  if (!isDigit(norm.charCodeAt(i + 2)) || !isDigit(norm.charCodeAt(i + 3))) return 0;
  let j = i + 4;
  while (j < end && j < i + 8 && (norm.charCodeAt(j) === 0x20 || norm.charCodeAt(j) === 0x3000)) j++;
  return j < end && norm[j] === '年' ? j + 1 : 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const decoder = new TextDecoder('utf-16le');

function fromCodes(codes: Uint16Array, n: number): string {
  return decoder.decode(codes.subarray(0, n));
}

/** FNV-1a over the UTF-16 units of one shingle. */
export function hashShingle(text: string, from: number, length = SHINGLE): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Every shingle hash of a normalized text, in order (a text shorter than a shingle has none). */
export function shingleHashes(text: string, length = SHINGLE): Uint32Array {
  const n = Math.max(0, text.length - length + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = hashShingle(text, i, length);
  return out;
}

let referenceStock: Set<number> | undefined;

/**
 * Shingles of the genre: five characters found in many public reports
 * (data/stock-shingles.json, made by scripts/stock-shingles.mjs). They are
 * stock phrases whatever the folder holds, so two reports that share only
 * them share nothing.
 */
export function stockShingles(): Set<number> {
  if (referenceStock) return referenceStock;
  const set = new Set<number>();
  for (const s of (stockData as { shingles: string[] }).shingles) set.add(hashShingle(s, 0, s.length));
  return (referenceStock = set);
}

export interface Sketch {
  /** The smallest distinct shingle hashes, ascending, stock ones left out. */
  hashes: Uint32Array;
  /** The largest hash a full sketch stands for; 0xffffffff when every shingle is kept. */
  limit: number;
}

/**
 * The bottom-k sketch of a normalized text, in one pass: a shingle is hashed
 * where it stands, and only one below the largest kept (rare once the sketch
 * is full) is looked up in the stock set and inserted.
 */
export function sketchOf(text: string, stock: Set<number>): Sketch {
  const kept: number[] = [];
  let overflow = false;
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    h >>>= 0;
    const full = kept.length === SKETCH_SIZE;
    const max = full ? kept[SKETCH_SIZE - 1] : Infinity;
    if (h >= max) {
      // Another distinct shingle beyond the sketch: it is full of a larger set.
      if (h > max && !overflow && !stock.has(h)) overflow = true;
      continue;
    }
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    if (kept[lo] === h || stock.has(h)) continue;
    kept.splice(lo, 0, h);
    if (kept.length > SKETCH_SIZE) {
      kept.pop();
      overflow = true;
    }
  }
  return { hashes: Uint32Array.from(kept), limit: overflow ? kept[kept.length - 1] : 0xffffffff };
}

export interface Overlap {
  /** Shingles estimated in common. */
  common: number;
  /** Share of each side's shingles found in the other. */
  ofA: number;
  ofB: number;
}

/**
 * What two sketches share, estimated on the hashes below both limits (where
 * both sketches are complete), without the hashes in `stock`.
 */
export function overlap(a: Sketch, b: Sketch, stock: Set<number>): Overlap {
  const limit = Math.min(a.limit, b.limit);
  let i = 0;
  let j = 0;
  let inA = 0;
  let inB = 0;
  let both = 0;
  const x = a.hashes;
  const y = b.hashes;
  while (i < x.length || j < y.length) {
    const hx = i < x.length ? x[i] : Infinity;
    const hy = j < y.length ? y[j] : Infinity;
    const h = Math.min(hx, hy);
    if (h > limit) break;
    const isStock = stock.has(h);
    if (hx === h) i++;
    if (hy === h) j++;
    if (isStock) continue;
    if (hx === h) inA++;
    if (hy === h) inB++;
    if (hx === h && hy === h) both++;
  }
  if (both === 0) return { common: 0, ofA: 0, ofB: 0 };
  const scale = limit === 0xffffffff ? 1 : 0x100000000 / (limit + 1);
  return { common: both * scale, ofA: both / inA, ofB: both / inB };
}
