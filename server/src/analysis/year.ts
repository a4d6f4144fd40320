import type { ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import type { Structure } from './structure';
import type { FoundSection } from './sections';
import { parseChineseDigits } from './numerals';
import type { ReportYearSource } from './types';

const YEAR = /(?<![\d\-—–~～至到])((?:19|20)\d{2}|[一二三四五六七八九〇零]{4})[\s\u3000]*年(?![\s\u3000]*[-—–~～至到][\s\u3000]*\d)/g;

function yearValue(raw: string): number | null {
  const value = /^\d+$/.test(raw) ? Number(raw) : parseChineseDigits(raw);
  return value !== null && value >= 1990 && value <= 2100 ? value : null;
}

/** Blanks out 《…》 titles so years inside cited documents are never read. */
export function maskBookTitles(text: string): string {
  return text.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length));
}

/** The first year `YYYY年` in the text, outside 《》 and year ranges. */
export function firstYear(text: string): number | null {
  YEAR.lastIndex = 0;
  const masked = maskBookTitles(text);
  for (let m = YEAR.exec(masked); m; m = YEAR.exec(masked)) {
    const value = yearValue(m[1]);
    if (value !== null) return value;
  }
  return null;
}

const OPENING_YEAR = /^[\s\u3000]*(?:在|于)?((?:19|20)\d{2}|[一二三四五六七八九〇零]{4})年(?![\s\u3000]*[-—–~～至到月]|\d)/;

/** The opening paragraphs: prose after the title and addressee, before the first heading. */
function openingYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure): number | null {
  const firstHeading = structure.headings[0]?.line ?? doc.lineCount;
  const skip = new Set<number>([...structure.titleDuplicates]);
  if (structure.title) skip.add(structure.title.line);
  if (structure.addressee) skip.add(structure.addressee.line);
  for (let i = 0; i < firstHeading; i++) {
    if (skip.has(i) || parsed.kinds[i] !== LineKind.Prose) continue;
    const m = OPENING_YEAR.exec(maskBookTitles(doc.lines[i].norm));
    if (m) {
      const value = yearValue(m[1]);
      if (value !== null) return value;
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
}

/** The year before the plan is read: option, then the title, then the opening. */
export function knownReportYear(doc: ReportDocument, parsed: ParsedDocument, structure: Structure, option: number | null | undefined): YearResult {
  const titleYear = structure.title ? firstYear(doc.norm.slice(structure.title.start, structure.title.end)) : null;
  const opening = openingYear(doc, parsed, structure);
  const base = { titleYear, openingYear: opening, planYear: null };
  if (option != null) return { year: option, source: 'option', ...base };
  if (titleYear !== null) return { year: titleYear, source: 'title', ...base };
  if (opening !== null) return { year: opening, source: 'opening', ...base };
  return { year: null, source: null, ...base };
}

/** Precedence: option, then the title, the opening, the next-year plan minus one. */
export function detectReportYear(doc: ReportDocument, known: YearResult, nextYear: FoundSection | null): YearResult {
  const planYear = nextYear ? firstYear(doc.norm.slice(nextYear.start, doc.lines[nextYear.startLine].end)) : null;
  if (known.year !== null) return { ...known, planYear };
  if (planYear !== null) return { ...known, year: planYear - 1, source: 'plan', planYear };
  return { ...known, planYear };
}
