// One file reviewed, as the main thread or a worker does it: read within the
// size limit, extracted, analysed, and only what the review keeps returned
// (plain data, so that a worker can post it).
import type { AnalyzeOptions } from '../analysis/types';
import type { ExtractOptions } from '../documents/types';
import { readDocumentFile } from '../files';
import { measuresOf, type PlanItem } from './plans';
import { withParagraphs, type LocatedDocument } from './places';
import { reviewDocument, type ParagraphRecord } from './report';
import type { Place, ReportRow } from './types';

export interface FileJob {
  file: string;
  maxFileSize: number;
  analyze: AnalyzeOptions;
  extract?: ExtractOptions;
  /** With last year's reports: this year's measures, for the plan items to be looked for. */
  measures: boolean;
}

export type FileOutcome =
  | { ok: false; file: string; error: string }
  | {
      ok: true;
      row: ReportRow;
      names: string[];
      paragraphs: ParagraphRecord[];
      plan: PlanItem[];
      measures: { grams: Uint32Array; place: Place | null } | null;
    };

/** As `check` reads: text within the size limit; a Word or PDF file up to 128 MB, its text within the limit. */
export async function readDocument(file: string, maxFileSize: number, extract: ExtractOptions | undefined): Promise<{ ok: true; document: LocatedDocument } | { ok: false; error: string }> {
  const read = await readDocumentFile(file, maxFileSize, extract);
  if (read.kind === 'error') return { ok: false, error: read.reason };
  if (read.kind === 'too-large') return { ok: false, error: `文件过大（${(read.size / 1024 / 1024).toFixed(1)} MB），超过上限 ${(read.limit / 1024 / 1024).toFixed(1)} MB` };
  if (read.document.paragraphs === null && read.document.text === '') return { ok: false, error: '文件为空' };
  return { ok: true, document: withParagraphs(read.document) };
}

export async function reviewFile(job: FileJob): Promise<FileOutcome> {
  const read = await readDocument(job.file, job.maxFileSize, job.extract);
  if (!read.ok) return { ok: false, file: job.file, error: read.error };
  const r = reviewDocument(job.file, read.document, job.analyze);
  let measures: { grams: Uint32Array; place: Place | null } | null = null;
  if (job.measures && r.context) {
    const m = measuresOf(job.file, r.document, r.context, r.names);
    measures = { grams: Uint32Array.from(m.grams), place: m.place };
  }
  return { ok: true, row: r.row, names: r.names, paragraphs: r.paragraphs, plan: r.plan, measures };
}
