// Copied passages across a set of reports: every paragraph's sketch goes into
// one index of (hash, paragraph) postings; a hash shared by paragraphs of
// enough different units is stock (the genre's, or the folder's) and is left
// out, so its bucket never makes candidates; paragraphs of different reports
// that share enough of the rest are candidates, scored on their sketches.
// Work is linear in the number of paragraphs: a sketch has at most
// SKETCH_SIZE hashes and a bucket at most MAX_BUCKET postings.
import { overlap, type Sketch } from './shingles';

export interface IndexedParagraph {
  /** The report it belongs to (an index the caller keeps). */
  report: number;
  /** Reports of one unit (this year's and last year's) share a key: stock is counted by units. */
  unit: number;
  /** Last year's report (`--previous`). */
  previous: boolean;
  sketch: Sketch;
}

export interface CopyOptions {
  /** A hash or a paragraph shared by this many units or more is stock. */
  stockUnits: number;
  /** Share of the shorter paragraph found in the other, to list a pair. */
  minShare: number;
  /** Share for a paragraph carried over from last year's report of the same unit. */
  minCarriedShare: number;
  /** Shingles in common, at least (short paragraphs share little by chance). */
  minCommon: number;
}

export const DEFAULT_COPY_OPTIONS: CopyOptions = { stockUnits: 4, minShare: 0.6, minCarriedShare: 0.8, minCommon: 16 };

/** The stock threshold for a set of units: 4, or one unit in twenty of a large set. */
export function stockUnitsFor(units: number): number {
  return Math.max(4, Math.ceil(units / 20));
}

export interface ParagraphPair {
  a: number;
  b: number;
  /** Estimated shares of each paragraph's shingles found in the other, and of the shorter one (measured exactly by the caller). */
  ofA: number;
  ofB: number;
  share: number;
  /** Last year's paragraph carried over (b is last year's). */
  carried: boolean;
}

/** Postings in a bucket beyond which the hash is stock whatever its units (and its pairs are not made). */
const MAX_BUCKET = 64;
/** How far below the thresholds an estimated pair may be (the error of a 32-hash sketch is about 0.09). */
const SHARE_MARGIN = 0.15;
const ESTIMATE_MARGIN = 0.7;
/** Hashes two paragraphs must share in their sketches before they are scored. */
const MIN_SHARED_HASHES = 2;
// Paragraph ids are packed with a 32-bit hash into a double: 2^21 paragraphs at most.
const ID_BITS = 2 ** 21;

export interface CopyResult {
  pairs: ParagraphPair[];
  /** Hashes found stock in this set (beyond the genre's). */
  stock: Set<number>;
}

export function findCopies(paragraphs: readonly IndexedParagraph[], options: CopyOptions = DEFAULT_COPY_OPTIONS): CopyResult {
  const count = Math.min(paragraphs.length, ID_BITS);
  let total = 0;
  for (let p = 0; p < count; p++) total += paragraphs[p].sketch.hashes.length;
  const postings = new Float64Array(total);
  let k = 0;
  for (let p = 0; p < count; p++) for (const h of paragraphs[p].sketch.hashes) postings[k++] = h * ID_BITS + p;
  postings.sort();

  const stock = new Set<number>();
  const shared = new Map<number, number>();
  const units: number[] = [];
  for (let start = 0; start < total; ) {
    const hash = Math.floor(postings[start] / ID_BITS);
    let end = start + 1;
    while (end < total && Math.floor(postings[end] / ID_BITS) === hash) end++;
    units.length = 0;
    for (let i = start; i < end && units.length < options.stockUnits; i++) {
      const u = paragraphs[postings[i] % ID_BITS].unit;
      if (!units.includes(u)) units.push(u);
    }
    if (units.length >= options.stockUnits || end - start > MAX_BUCKET) stock.add(hash);
    else if (units.length > 1 || end - start > 1) {
      for (let i = start; i < end; i++) {
        const a = postings[i] % ID_BITS;
        for (let j = i + 1; j < end; j++) {
          const b = postings[j] % ID_BITS;
          if (!comparable(paragraphs[a], paragraphs[b])) continue;
          const key = Math.min(a, b) * ID_BITS + Math.max(a, b);
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
    }
    start = end;
  }

  const pairs: ParagraphPair[] = [];
  for (const [key, n] of shared) {
    if (n < MIN_SHARED_HASHES) continue;
    const a = Math.floor(key / ID_BITS);
    const b = key % ID_BITS;
    const pa = paragraphs[a];
    const pb = paragraphs[b];
    const o = overlap(pa.sketch, pb.sketch, stock);
    const share = Math.max(o.ofA, o.ofB);
    const carried = pa.previous !== pb.previous;
    // The sketches estimate: a pair a little below the share is kept for the exact measure that follows.
    if (o.common < options.minCommon * ESTIMATE_MARGIN || share < (carried ? options.minCarriedShare : options.minShare) - SHARE_MARGIN) continue;
    // This year's paragraph first.
    pairs.push(pa.previous ? { a: b, b: a, ofA: o.ofB, ofB: o.ofA, share, carried } : { a, b, ofA: o.ofA, ofB: o.ofB, share, carried });
  }
  return { pairs: withoutStockParagraphs(pairs, paragraphs, options.stockUnits), stock };
}

/**
 * Two paragraphs are compared when they are of different reports of this
 * year, or one of this year's and one of last year's of the same unit.
 */
function comparable(a: IndexedParagraph, b: IndexedParagraph): boolean {
  if (a.report === b.report) return false;
  if (a.previous && b.previous) return false;
  if (a.previous !== b.previous) return a.unit === b.unit;
  return true;
}

/** A paragraph found in the reports of many units is the genre's (a quoted instruction), not a copy. */
function withoutStockParagraphs(pairs: ParagraphPair[], paragraphs: readonly IndexedParagraph[], stockUnits: number): ParagraphPair[] {
  const units = new Map<number, Set<number>>();
  const add = (p: number, other: number) => {
    let set = units.get(p);
    if (!set) units.set(p, (set = new Set([paragraphs[p].unit])));
    set.add(paragraphs[other].unit);
  };
  for (const pair of pairs) {
    if (pair.carried) continue;
    add(pair.a, pair.b);
    add(pair.b, pair.a);
  }
  const stock = (p: number) => (units.get(p)?.size ?? 0) >= stockUnits;
  return pairs.filter((pair) => pair.carried || (!stock(pair.a) && !stock(pair.b)));
}
