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
/** Hashes kept per paragraph. */
export const SKETCH_SIZE = 48;

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
const YEAR_MARK = '\u0001';

/**
 * The characters of `norm[start, end)` that carry content: CJK, digits and
 * Latin letters (full-width folded, lower case); `remove` (the unit's names)
 * dropped; a year (`2023年`) folded to one mark.
 */
export function normalize(norm: string, start: number, end: number, remove: readonly string[] = []): Normalized {
  const skip = new Uint8Array(end - start);
  const slice = norm.slice(start, end);
  for (const name of remove) {
    if (name.length < 2) continue;
    for (let i = slice.indexOf(name); i >= 0; i = slice.indexOf(name, i + name.length)) skip.fill(1, i, i + name.length);
  }
  const chars: string[] = [];
  const at = new Int32Array(end - start);
  let n = 0;
  for (let i = 0; i < slice.length; i++) {
    if (skip[i]) continue;
    let c = slice.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0; // full-width digits and letters
    if (c >= 0x30 && c <= 0x39) {
      // A year: four digits from 19 or 20 before 年.
      if ((c === 0x31 || c === 0x32) && /^(?:19|20)\d\d\s*年/.test(slice.slice(i, i + 8))) {
        let j = i + 4;
        while (slice[j] !== '年') j++;
        chars.push(YEAR_MARK);
        at[n++] = start + i;
        i = j;
        continue;
      }
      chars.push(String.fromCharCode(c));
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) chars.push(String.fromCharCode(c | 0x20));
    else if (isCjk(c)) chars.push(String.fromCharCode(c));
    else continue;
    at[n++] = start + i;
  }
  return { text: chars.join(''), at: at.subarray(0, n) };
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
  /** Distinct shingles that are not stock. */
  size: number;
}

/** The bottom-k sketch of a normalized text. */
export function sketchOf(text: string, stock: Set<number>): Sketch {
  const all = shingleHashes(text).sort();
  const kept: number[] = [];
  let size = 0;
  for (let i = 0; i < all.length; i++) {
    const h = all[i];
    if ((i > 0 && all[i - 1] === h) || stock.has(h)) continue;
    size++;
    if (kept.length < SKETCH_SIZE) kept.push(h);
  }
  return { hashes: Uint32Array.from(kept), limit: size > SKETCH_SIZE ? kept[kept.length - 1] : 0xffffffff, size };
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
