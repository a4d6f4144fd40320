// The reviewer's desk (fazhi-report review, and the VS Code command 审阅文件夹):
// a folder of reports in; one row per report, the key figures and the copied
// passages out. Reports are read and analysed one at a time; only the row,
// the figures, the paragraph sketches and last year's plan items are kept.
// The few paragraphs found copied are read again at the end for their text.
import { extname } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../analysis/analyze';
import type { AnalyzeOptions } from '../analysis/types';
import { toSimplified } from '../analysis/normalize';
import { DOCUMENT_EXTENSIONS, type ExtractOptions } from '../documents';
import { collectFiles } from '../files';
import { findCopies, stockUnitsFor, DEFAULT_COPY_OPTIONS, type IndexedParagraph, type ParagraphPair } from './copies';
import { traced, type PlanItem } from './plans';
import { reviewAll } from './pool';
import { readDocument, type FileJob, type FileOutcome } from './read';
import type { ParagraphRecord } from './report';
import { normalize, shingleHashes, stockShingles, SHINGLE } from './shingles';
import { simplifiedName } from '../analysis/unit';
import type { CopiedPassage, CopyPairing, PreviousComparison, ReportRow, ReviewResult } from './types';

export * from './types';
export { KEY_FIGURE_COLUMNS, type KeyFigureColumn } from './figures';
export { reviewDocument } from './report';

export interface ReviewOptions {
  /** Last year's reports (folders or files), matched to this year's by unit. */
  previous?: string[];
  /** As `check` analyses (default settings when absent). */
  analyze?: AnalyzeOptions;
  /** Largest file read, in bytes. */
  maxFileSize?: number;
  /** LibreOffice for .doc/.wps (see documents/). */
  extract?: ExtractOptions;
  version?: string;
  /** Called after each report is read (for a progress bar). */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Worker threads to review files in (default 1: this thread); they need `workerScript`. */
  workers?: number;
  /** The bundled worker (dist/review-worker.js). */
  workerScript?: string;
}

/** Characters of a copied paragraph's text given in the result. */
const MAX_PASSAGE_TEXT = 2000;

interface Kept {
  row: ReportRow;
  names: string[];
  paragraphs: ParagraphRecord[];
  plan: PlanItem[];
  unit: number;
}

/** Reports are matched across years by unit; a report without one by its file name without years and digits. */
function unitKey(row: ReportRow): string {
  if (row.unit) return 'u:' + simplifiedName(row.unit).replace(/\s+/g, '');
  const base = row.file.slice(Math.max(row.file.lastIndexOf('/'), row.file.lastIndexOf('\\')) + 1, row.file.length - extname(row.file).length);
  return 'f:' + base.replace(/[\d\s_\-—.年度]+/g, '');
}

export async function review(inputs: string[], options: ReviewOptions = {}): Promise<ReviewResult> {
  const maxFileSize = options.maxFileSize ?? options.analyze?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const analyzeOptions: AnalyzeOptions = { ...options.analyze, maxFileSize };
  const extensions = new Set(DOCUMENT_EXTENSIONS);
  const failures: ReviewResult['failures'] = [];
  const units = new Map<string, number>();
  const unitOf = (key: string) => {
    let id = units.get(key);
    if (id === undefined) units.set(key, (id = units.size));
    return id;
  };

  const collect = (paths: string[]) => {
    const files: string[] = [];
    for (const t of collectFiles(paths, extensions)) {
      if (t.error) failures.push({ file: t.file, error: t.error });
      else files.push(t.file);
    }
    return files;
  };
  const currentFiles = collect(inputs);
  const previousFiles = options.previous ? collect(options.previous) : [];
  const total = currentFiles.length + previousFiles.length;
  let done = 0;
  const job = (file: string, measures: boolean): FileJob => ({ file, maxFileSize, analyze: analyzeOptions, extract: options.extract, measures });
  const run = async (files: string[], measures: boolean) => {
    // Kept in the order given, whatever order the workers finish in.
    const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
    await reviewAll(files.map((f) => job(f, measures)), options.workers ?? 1, options.workerScript, (i, outcome) => {
      outcomes[i] = outcome;
      options.onProgress?.(++done, total, files[i]);
    });
    return outcomes as FileOutcome[];
  };

  // Last year's first: this year's reports are compared with them.
  const previous: Kept[] = [];
  const previousByUnit = new Map<number, Kept>();
  for (const outcome of await run(previousFiles, false)) {
    if (!outcome.ok) {
      failures.push({ file: outcome.file, error: outcome.error });
      continue;
    }
    const kept: Kept = { row: outcome.row, names: outcome.names, paragraphs: outcome.paragraphs, plan: outcome.plan, unit: unitOf(unitKey(outcome.row)) };
    previous.push(kept);
    // Two reports of one unit last year: the first is compared.
    if (!previousByUnit.has(kept.unit)) previousByUnit.set(kept.unit, kept);
  }

  const current: Kept[] = [];
  const comparison: PreviousComparison | null = options.previous
    ? { dir: options.previous, matched: [], unmatched: [], carriedOver: [], repeatedFigures: [], untracedPlans: [] }
    : null;
  for (const outcome of await run(currentFiles, previous.length > 0)) {
    if (!outcome.ok) {
      failures.push({ file: outcome.file, error: outcome.error });
      continue;
    }
    const { row } = outcome;
    const file = row.file;
    const kept: Kept = { row, names: outcome.names, paragraphs: outcome.paragraphs, plan: outcome.plan, unit: unitOf(unitKey(row)) };
    current.push(kept);
    if (!comparison) continue;
    const last = previousByUnit.get(kept.unit);
    if (!last) {
      comparison.unmatched.push(file);
      continue;
    }
    comparison.matched.push({ file, previousFile: last.row.file, unit: row.unit ?? last.row.unit ?? '' });
    for (const figure of row.figures) {
      const before = last.row.figures.find((f) => f.key === figure.key);
      // A full or a zero rate (100%, 0%) and a count of none are the same every year without anything copied.
      if (!before || before.value !== figure.value || figure.value === 0 || (figure.text.endsWith('%') && figure.value === 100)) continue;
      comparison.repeatedFigures.push({ file, previousFile: last.row.file, key: figure.key, value: figure.value, current: figure, previous: before });
    }
    if (outcome.measures && last.plan.length) {
      const grams = new Set(outcome.measures.grams);
      for (const item of last.plan) if (!traced(item, grams)) comparison.untracedPlans.push({ file, previousFile: last.row.file, item: item.place, measures: outcome.measures.place });
    }
  }

  // Copied passages, over both years at once (last year's only against the same unit).
  const reports = [...current, ...previous];
  const indexed: (IndexedParagraph & { record: ParagraphRecord; owner: Kept })[] = [];
  reports.forEach((kept, report) => {
    for (const record of kept.paragraphs) indexed.push({ report, unit: kept.unit, previous: report >= current.length, sketch: record.sketch, record, owner: kept });
  });
  const unitCount = new Set(reports.map((k) => k.unit)).size;
  const copyOptions = { ...DEFAULT_COPY_OPTIONS, stockUnits: stockUnitsFor(unitCount) };
  const { pairs, stock } = findCopies(indexed, copyOptions);
  const passages = await passagesOf(pairs, indexed, stock, copyOptions, maxFileSize, options.extract);

  const pairings = new Map<string, CopyPairing>();
  for (const { pair, passage } of passages) {
    if (pair.carried) {
      comparison?.carriedOver.push(passage);
      continue;
    }
    const key = `${passage.a.file}\u0000${passage.b.file}`;
    let pairing = pairings.get(key);
    if (!pairing) pairings.set(key, (pairing = { a: passage.a.file, b: passage.b.file, passages: [] }));
    pairing.passages.push(passage);
  }
  const copies = [...pairings.values()].sort((x, y) => y.passages.length - x.passages.length || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
  for (const c of copies) c.passages.sort((x, y) => x.a.paragraph - y.a.paragraph);
  comparison?.carriedOver.sort((x, y) => (x.a.file < y.a.file ? -1 : x.a.file > y.a.file ? 1 : x.a.paragraph - y.a.paragraph));

  return {
    tool: { name: 'fazhi-report', version: options.version ?? '0.0.0' },
    reports: current.map((k) => k.row),
    failures,
    copies,
    previous: comparison,
    settings: { stockUnits: copyOptions.stockUnits, minShare: copyOptions.minShare, minCarriedShare: copyOptions.minCarriedShare },
  };
}

interface Side {
  text: string;
  marks: [number, number][];
  distinct: Set<number>;
  common: Set<number>;
}

/**
 * The copied pairs with their text, read again: the exact share of each
 * paragraph's shingles (stock left out) and the characters they cover, for
 * the side-by-side view. A pair the sketches overrated is dropped here.
 */
async function passagesOf(
  pairs: ParagraphPair[],
  indexed: readonly (IndexedParagraph & { record: ParagraphRecord; owner: Kept })[],
  folderStock: Set<number>,
  options: typeof DEFAULT_COPY_OPTIONS,
  maxFileSize: number,
  extract: ExtractOptions | undefined,
): Promise<{ pair: ParagraphPair; passage: CopiedPassage }[]> {
  const wanted = new Map<string, Set<number>>();
  for (const p of pairs) {
    for (const id of [p.a, p.b]) {
      const file = indexed[id].owner.row.file;
      if (!wanted.has(file)) wanted.set(file, new Set());
      wanted.get(file)!.add(id);
    }
  }
  const refStock = stockShingles();
  const isStock = (h: number) => refStock.has(h) || folderStock.has(h);
  const texts = new Map<number, { text: string; normalized: string; at: Int32Array }>();
  for (const [file, ids] of wanted) {
    const read = await readDocument(file, maxFileSize, extract);
    if (!read.ok) continue;
    const norm = toSimplified(read.document.text);
    for (const id of ids) {
      const { record, owner } = indexed[id];
      const n = normalize(norm, record.start, record.end, owner.names);
      texts.set(id, { text: read.document.text.slice(record.start, record.end), normalized: n.text, at: n.at.map((o) => o - record.start) });
    }
  }

  const out: { pair: ParagraphPair; passage: CopiedPassage }[] = [];
  for (const pair of pairs) {
    const ta = texts.get(pair.a);
    const tb = texts.get(pair.b);
    if (!ta || !tb) continue;
    const ha = shingleHashes(ta.normalized);
    const hb = shingleHashes(tb.normalized);
    const sa = side(ta, ha, new Set(hb), isStock);
    const sb = side(tb, hb, new Set(ha), isStock);
    const common = sa.common.size;
    const ofA = sa.distinct.size ? common / sa.distinct.size : 0;
    const ofB = sb.distinct.size ? sb.common.size / sb.distinct.size : 0;
    const share = Math.max(ofA, ofB);
    if (common < options.minCommon || share < (pair.carried ? options.minCarriedShare : options.minShare)) continue;
    const ra = indexed[pair.a];
    const rb = indexed[pair.b];
    const place = (x: typeof ra, s: Side) => ({
      file: x.owner.row.file,
      paragraph: x.record.paragraph,
      ...(x.record.page !== undefined ? { page: x.record.page } : {}),
      range: x.record.range,
      quote: s.text.trim().slice(0, 30),
      text: s.text.slice(0, MAX_PASSAGE_TEXT),
      marks: s.marks.filter(([from]) => from < MAX_PASSAGE_TEXT).map(([from, to]) => [from, Math.min(to, MAX_PASSAGE_TEXT)] as [number, number]),
    });
    out.push({ pair, passage: { a: place(ra, sa), b: place(rb, sb), share: round(share), shareOfA: round(ofA), shareOfB: round(ofB) } });
  }
  return out;
}

function side(t: { text: string; normalized: string; at: Int32Array }, hashes: Uint32Array, other: Set<number>, isStock: (h: number) => boolean): Side {
  const distinct = new Set<number>();
  const common = new Set<number>();
  const covered = new Uint8Array(t.normalized.length);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i];
    if (isStock(h)) continue;
    distinct.add(h);
    if (other.has(h)) {
      common.add(h);
      covered.fill(1, i, i + SHINGLE);
    }
  }
  // Covered kept characters → spans of the paragraph's own text (the punctuation between them included).
  const marks: [number, number][] = [];
  for (let i = 0; i < covered.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j + 1 < covered.length && covered[j + 1]) j++;
    marks.push([t.at[i], t.at[j] + 1]);
    i = j;
  }
  return { text: t.text, marks, distinct, common };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
