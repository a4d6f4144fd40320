import type { ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import type { Structure } from './structure';
import type { SectionMap } from './sections';
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

const YEAR_TEXT = '((?:19|20)\\d{2}|[一二三四五六七八九〇零]{4})';
const OPENING_YEAR = new RegExp(`^[\\s\\u3000]*(?:在|于)?${YEAR_TEXT}年(?![\\s\\u3000]*[-—–~～至到月]|\\d)`);
// `现将…2022年…情况报告如下`: the sentence that announces the report names its year.
const ANNOUNCED_YEAR = new RegExp(`(?:现将|现就|现对|特将|特此将|^将|[，,]将)[^。！？!?]{0,60}?${YEAR_TEXT}[\\s\\u3000]*年(?![\\s\\u3000]*[-—–~～至到月]|\\d)[^。！？!?]{0,60}?(?:报告|汇报|总结)如下`);

// `一、2025年推进…`: a year among the first words of the first heading.
const HEADING_YEAR = new RegExp(`^(?:[^。，,；;]{0,12}?)${YEAR_TEXT}[\\s\\u3000]*年(?![\\s\\u3000]*[-—–~～至到月]|\\d)`);

type YearAt = { value: number; start: number; end: number };

function yearAt(line: { start: number }, m: RegExpExecArray, group = 1): YearAt | null {
  const value = yearValue(m[group]);
  if (value === null) return null;
  const start = line.start + m.index + m[0].indexOf(m[group]);
  return { value, start, end: start + m[group].length };
}

/** The opening (prose between the title and the first heading): `现将…YYYY年…报告如下` anywhere, else a paragraph opening with `YYYY年`. */
function openingYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure): YearAt | null {
  const firstHeading = structure.headings[0]?.line ?? doc.lineCount;
  let paragraph: YearAt | null = null;
  for (let i = structure.bodyStartLine; i < firstHeading; i++) {
    if (parsed.kinds[i] !== LineKind.Prose || i === structure.addressee?.line) continue;
    const masked = maskBookTitles(doc.lines[i].norm);
    const announced = ANNOUNCED_YEAR.exec(masked);
    if (announced) {
      const at = yearAt(doc.lines[i], announced);
      if (at) return at;
    }
    const m = paragraph ? null : OPENING_YEAR.exec(masked);
    if (m) paragraph = yearAt(doc.lines[i], m);
  }
  return paragraph;
}

/** The first heading naming the year (`一、2025年推进法治政府建设的主要举措`), or the first paragraph under it. */
function headingYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure): YearAt | null {
  const h = structure.headings[0];
  if (!h) return null;
  const title = maskBookTitles(doc.norm.slice(h.titleStart, h.titleEnd));
  const m = HEADING_YEAR.exec(title);
  if (m) {
    const value = yearValue(m[1]);
    const start = h.titleStart + m[0].length - 1 - m[1].length;
    if (value !== null) return { value, start, end: start + m[1].length };
  }
  for (let i = h.line + 1; i < doc.lineCount && i <= h.line + 3; i++) {
    if (parsed.kinds[i] !== LineKind.Prose || doc.lines[i].text.trim() === '') continue;
    if (structure.headings.some((x) => x.line === i)) continue;
    const p = OPENING_YEAR.exec(maskBookTitles(doc.lines[i].norm));
    return p ? yearAt(doc.lines[i], p) : null;
  }
  return null;
}

export interface YearResult {
  year: number | null;
  source: ReportYearSource;
  titleYear: number | null;
  openingYear: number | null;
  /** The year named in the first heading or the paragraph under it. */
  headingYear: number | null;
  planYear: number | null;
  /** Where the opening's, the heading's and the plan's years are written (offsets), for findings. */
  openingYearAt: { start: number; end: number } | null;
  headingYearAt: { start: number; end: number } | null;
  planYearAt: { start: number; end: number } | null;
}

/** The year before the plan is read: option, then the title, the opening, the first heading. */
export function knownReportYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure, option: number | null | undefined): YearResult {
  const titleYear = structure.title ? firstYear(doc.norm.slice(structure.title.start, structure.title.end)) : null;
  const opening = openingYear(doc, parsed, structure);
  const heading = headingYear(doc, parsed, structure);
  const base = {
    titleYear,
    openingYear: opening?.value ?? null,
    headingYear: heading?.value ?? null,
    planYear: null,
    openingYearAt: opening,
    headingYearAt: heading,
    planYearAt: null,
  };
  if (option != null) return { year: option, source: 'option', ...base };
  if (titleYear !== null) return { year: titleYear, source: 'title', ...base };
  if (opening !== null) return { year: opening.value, source: 'opening', ...base };
  if (heading !== null) return { year: heading.value, source: 'opening', ...base };
  return { year: null, source: null, ...base };
}

/**
 * Precedence: option, the title, the opening, the next-year plan minus one;
 * last, the year the measures name most often (`body`: shown, never compared).
 */
export function detectReportYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure, known: YearResult, sections: SectionMap): YearResult {
  const nextYear = sections.nextYear;
  const m = nextYear ? firstYearMatch(doc.norm.slice(nextYear.start, doc.lines[nextYear.startLine].end)) : null;
  const planYear = m?.value ?? null;
  const planYearAt = m && nextYear ? { start: nextYear.start + m.index, end: nextYear.start + m.index + m.length } : null;
  if (known.year !== null) return { ...known, planYear, planYearAt };
  if (planYear !== null) return { ...known, year: planYear - 1, source: 'plan', planYear, planYearAt };
  const later = [sections.problems, sections.nextYear, sections.other].filter((s) => s !== null).map((s) => s!.startLine);
  const body = bodyYear(doc, parsed, structure.bodyStartLine, Math.min(structure.lastContentLine, ...later.map((l) => l - 1)));
  if (body !== null) return { ...known, year: body, source: 'body', planYear, planYearAt };
  return { ...known, planYear, planYearAt };
}

/** The year the report's body names most often outside 《》 titles and ranges (the latest on a tie). */
function bodyYear(doc: ReportDocument, parsed: ParsedDocument, from: number, to: number): number | null {
  const counts = new Map<number, number>();
  for (let i = from; i <= to; i++) {
    if (parsed.kinds[i] !== LineKind.Prose && parsed.kinds[i] !== LineKind.Table) continue;
    const norm = doc.lines[i].norm;
    if (!norm.includes('年')) continue;
    const masked = maskBookTitles(norm);
    YEAR.lastIndex = 0;
    for (let y = YEAR.exec(masked); y; y = YEAR.exec(masked)) {
      const value = yearValue(y[1]);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  let year: number | null = null;
  for (const [y, n] of counts) if (year === null || n > counts.get(year)! || (n === counts.get(year)! && y > year)) year = y;
  return year;
}
