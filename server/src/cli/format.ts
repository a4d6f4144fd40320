// Output formats of `fazhi-report check`.
import type { Analysis, Finding, Fix, Range, Severity } from '../analysis/api';
import { locate } from '../documents/locate';
import type { ExtractedDocument } from '../documents/types';
import { jsonArray, jsonObject } from './output';
import { humanPositions, humanRange } from './positions';

/** How the text output is coloured: identity functions when it is not. */
export interface TextStyle {
  file(text: string): string;
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
}

const PLAIN: TextStyle = { file: (t) => t, severity: (_s, t) => t, dim: (t) => t };

/** A file checked (with the document it was read as, when read through the reader layer), or why it could not be. */
export type FileReport = { file: string; analysis: Analysis; document?: ExtractedDocument } | { file: string; error: string };

/** Where a finding is in a Word or PDF file: 第N段 (counting non-empty paragraphs), the page for PDF, and a short quote. */
export interface DocumentLocation {
  paragraph: number;
  page?: number;
  quote: string;
}

/**
 * For a Word or PDF document, a function from a range of its extracted text to its place in the
 * document; null for a text file, where line and column are the place.
 */
export function locator(document: ExtractedDocument | undefined): ((range: Range) => DocumentLocation | null) | null {
  if (!document || document.paragraphs === null) return null;
  const lineStarts = [0];
  for (let i = document.text.indexOf('\n'); i >= 0; i = document.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: Range['start']) => Math.min((lineStarts[p.line] ?? document.text.length) + p.character, document.text.length);
  return (range) => locate(document, offset(range.start), offset(range.end));
}

/** What the JSON says of how a file was read: for anything but UTF-8 text, its kind, encoding and the reader's notes. */
export function documentInfo(document: ExtractedDocument | undefined): { kind: string; encoding?: string; notes: string[] } | null {
  if (!document || (document.paragraphs === null && (document.encoding ?? 'utf-8') === 'utf-8' && document.notes.length === 0)) return null;
  const info: { kind: string; encoding?: string; notes: string[] } = { kind: document.kind, notes: document.notes };
  if (document.encoding) info.encoding = document.encoding;
  return info;
}

/** `第12段` or `第3页 第12段`, and the quote in Chinese quotation marks. */
export function placeText(at: DocumentLocation): string {
  return `${at.page !== undefined ? `第${at.page}页 ` : ''}第${at.paragraph}段 “${printableName(at.quote)}”`;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * A file name as one line of output: control characters (a newline in a name
 * would forge a finding line) are written as escapes.
 */
export function printableName(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * `path:line:column: severity message [rule]`, then a summary line. Line and column are 1-based,
 * the column in characters (code points: 𠮷 is one), as Emacs's compilation mode counts them (not UTF-16 units).
 */
export function* textChunks(reports: FileReport[], style: TextStyle = PLAIN): Generator<string> {
  const counts = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  for (const report of reports) {
    if ('error' in report) continue;
    checked++;
    const name = printableName(report.file);
    const locateRange = locator(report.document);
    const human = humanPositions(report.document?.text);
    for (const f of report.analysis.findings) {
      counts[f.severity]++;
      // In a Word or PDF file: 报告.docx 第12段 “…调解成功率达98%” warning …
      const at = locateRange?.(f.range);
      const start = human(f.range.start);
      const place = at ? `${style.file(name)} ${placeText(at)}` : `${style.file(name)}:${start.line}:${start.column}:`;
      yield `${place} ${style.severity(f.severity, SEVERITY_LABEL[f.severity])} ${f.message} ${style.dim(`[${f.rule}]`)}\n`;
    }
  }
  const failed = reports.length - checked;
  yield `检查了 ${checked} 个文件${failed ? `，${failed} 个无法读取` : ''}：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示\n`;
}

/**
 * A finding's fields for the JSON, with every fix in `fixes`. A fix several findings share (renumbering
 * a whole level) is written whole with the first of them and as `{title, sameAs: N}` (N: the index of
 * that finding in `findings`) with the others, so the output grows with the findings, not their square.
 */
function sharedFixWriter(): (f: Finding) => [string, unknown][] {
  const writtenWith = new Map<Fix, number>();
  let index = 0;
  return (f) => {
    const at = index++;
    const all = Object.entries(f);
    if (!f.fixes) return all;
    const fixes = f.fixes.map((fix) => {
      const first = writtenWith.get(fix);
      if (first !== undefined && first !== at) return { title: fix.title, sameAs: first };
      writtenWith.set(fix, at);
      return fix;
    });
    return all.map(([k, v]) => (k === 'fixes' ? [k, fixes] : [k, v]));
  };
}

/**
 * One JSON array, one element per file, findings written one at a time. A file read as anything
 * but UTF-8 text has `document` ({kind, encoding?, notes}); a finding in a Word or PDF file has
 * `location` ({paragraph, page?, quote}) beside its `range` in the extracted text.
 */
export function* jsonChunks(reports: FileReport[]): Generator<string> {
  yield* jsonArray(reports, (report, indent) => {
    if ('error' in report) return jsonObject(Object.entries(report), indent);
    const { findings, ...rest } = report.analysis;
    const info = documentInfo(report.document);
    const locateRange = locator(report.document);
    const human = humanPositions(report.document?.text);
    const sharedFixes = sharedFixWriter();
    // Beside the LSP `range` (0-based, UTF-16, kept as it is): 1-based line/column in code points, as ESLint's JSON.
    const entries = (f: Finding): [string, unknown][] => {
      const at = locateRange?.(f.range);
      const all = sharedFixes(f);
      const afterRange = all.findIndex(([k]) => k === 'range') + 1;
      return [...all.slice(0, afterRange), ...Object.entries(humanRange(f.range, human)), ...(at ? [['location', at] as [string, unknown]] : []), ...all.slice(afterRange)];
    };
    return jsonObject(
      [['file', report.file], ...(info ? [['document', info] as [string, unknown]] : []), ...Object.entries(rest), ['findings', () => jsonArray(findings, (f, i) => jsonObject(entries(f), i), indent + '  ')]],
      indent,
    );
  });
  yield '\n';
}
