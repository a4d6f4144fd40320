import type { ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import type { Structure } from './structure';
import type { FoundSection } from './sections';
import { parseChineseDigits } from './numerals';
import type { ReportYearSource } from './types';

const YEAR = /(?<![\d\-—–~～至到])((?:19|20)\d{2}|[一二三四五六七八九〇零]{4})[\s\u3000]*年(?![\s\u3000]*[-—–~～至到][\s\u3000]*\d)/g;

/** The years a report can be about: read from the text, and accepted from the setting, `--year` and the server's commands. */
export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2100;

export function isReportYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_REPORT_YEAR && value <= MAX_REPORT_YEAR;
}

function yearValue(raw: string): number | null {
  const value = /^\d+$/.test(raw) ? Number(raw) : parseChineseDigits(raw);
  return isReportYear(value) ? value : null;
}

/** Blanks out 《…》 titles so years inside cited documents are never read. */
export function maskBookTitles(text: string): string {
  if (!text.includes('《')) return text;
  return text.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length));
}

/** The first year `YYYY年` in the text, outside 《》 and year ranges, with where its digits are. */
export function firstYearMatch(text: string): { value: number; index: number; length: number } | null {
  YEAR.lastIndex = 0;
  const masked = maskBookTitles(text);
  for (let m = YEAR.exec(masked); m; m = YEAR.exec(masked)) {
    const value = yearValue(m[1]);
    if (value !== null) return { value, index: m.index, length: m[1].length };
  }
  return null;
}

export function firstYear(text: string): number | null {
  return firstYearMatch(text)?.value ?? null;
}

const OPENING_YEAR = /^[\s\u3000]*(?:在|于)?((?:19|20)\d{2}|[一二三四五六七八九〇零]{4})年(?![\s\u3000]*[-—–~～至到月]|\d)/;

/** The opening paragraphs: prose after the title and addressee, before the first heading. */
function openingYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure): { value: number; start: number; end: number } | null {
  const firstHeading = structure.headings[0]?.line ?? doc.lineCount;
  const skip = new Set<number>([...structure.titleDuplicates]);
  if (structure.title) skip.add(structure.title.line);
  if (structure.addressee) skip.add(structure.addressee.line);
  for (let i = 0; i < firstHeading; i++) {
    if (skip.has(i) || parsed.kinds[i] !== LineKind.Prose) continue;
    const m = OPENING_YEAR.exec(maskBookTitles(doc.lines[i].norm));
    if (m) {
      const value = yearValue(m[1]);
      const start = doc.lines[i].start + m[0].length - m[1].length - 1;
      if (value !== null) return { value, start, end: start + m[1].length };
    }
  }
  return null;
}

export interface YearResult {
  year: number | null;
  source: ReportYearSource;
  titleYear: number | null;
  openingYear: number | null;
  planYear: number | null;
  /** Where the opening's and the plan's years are written (offsets), for findings. */
  openingYearAt: { start: number; end: number } | null;
  planYearAt: { start: number; end: number } | null;
}

/** The year before the plan is read: option, then the title, then the opening. */
export function knownReportYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure, option: number | null | undefined): YearResult {
  const titleYear = structure.title ? firstYear(doc.norm.slice(structure.title.start, structure.title.end)) : null;
  const opening = openingYear(doc, parsed, structure);
  const base = { titleYear, openingYear: opening?.value ?? null, planYear: null, openingYearAt: opening, planYearAt: null };
  if (option != null) return { year: option, source: 'option', ...base };
  if (titleYear !== null) return { year: titleYear, source: 'title', ...base };
  if (opening !== null) return { year: opening.value, source: 'opening', ...base };
  return { year: null, source: null, ...base };
}

/** Precedence: option, then the title, the opening, the next-year plan minus one. */
export function detectReportYear(doc: ReportDocument, known: YearResult, nextYear: FoundSection | null): YearResult {
  const m = nextYear ? firstYearMatch(doc.norm.slice(nextYear.start, doc.lines[nextYear.startLine].end)) : null;
  const planYear = m?.value ?? null;
  const planYearAt = m && nextYear ? { start: nextYear.start + m.index, end: nextYear.start + m.index + m.length } : null;
  if (known.year !== null) return { ...known, planYear, planYearAt };
  if (planYear !== null) return { ...known, year: planYear - 1, source: 'plan', planYear, planYearAt };
  return { ...known, planYear, planYearAt };
}
