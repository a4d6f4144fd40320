// The four required parts of the report (《法治政府建设与责任落实督察工作规定》):
// found wherever they stand — as a heading at any level, as an unnumbered
// paragraph that opens the part, or (the leaders' duty) as an item or a
// sentence inside another part. Only then is the presentation judged.
import catalogueData from './data/sections.json';
import type { ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import { sectionEndLine, topLevel, type HeadingLine, type Structure } from './structure';
import { firstYear, maskBookTitles } from './year';
import { compilePhrase, type Phrase } from './phrase';
import { SECTION_KEYS, type SectionInfo, type SectionKey, type SectionSetting } from './types';

export interface SectionEntry {
  key: SectionKey;
  name: string;
  regulation: string;
  skeleton: string;
  guide: string;
  titles: Phrase[];
  exclude: Phrase[];
  paragraphCues: Phrase[];
  sentenceCues: Phrase[];
  required: boolean;
}

type RawEntry = { name: string; regulation: string; skeleton: string; guide: string; titles: string[]; exclude: string[]; paragraphCues: string[]; sentenceCues: string[] };

const BUILT_IN = catalogueData as unknown as Record<SectionKey, RawEntry>;
const compiledBuiltIn = new Map(
  SECTION_KEYS.map((key) => {
    const raw = BUILT_IN[key];
    return [key, { titles: raw.titles.map(compilePhrase), exclude: raw.exclude.map(compilePhrase), paragraphCues: raw.paragraphCues.map(compilePhrase), sentenceCues: raw.sentenceCues.map(compilePhrase) }];
  }),
);

export function sectionCatalogue(settings?: Partial<Record<SectionKey, SectionSetting>>): SectionEntry[] {
  return SECTION_KEYS.map((key) => {
    const raw = BUILT_IN[key];
    const built = compiledBuiltIn.get(key)!;
    const extra = settings?.[key]?.synonyms ?? [];
    return {
      key,
      name: raw.name,
      regulation: raw.regulation,
      skeleton: raw.skeleton,
      guide: raw.guide,
      ...built,
      titles: extra.length ? [...built.titles, ...extra.map(compilePhrase)] : built.titles,
      required: settings?.[key]?.required ?? true,
    };
  });
}

export type SectionForm = 'heading' | 'spread' | 'paragraph' | 'item' | 'sentence';

export interface FoundSection extends SectionInfo {
  key: SectionKey;
  form: SectionForm;
  /** Offsets of the part in the original text. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** The heading that opens it, for `heading` and `spread`. */
  headingIndex: number | null;
}

export type SectionMap = Record<SectionKey, FoundSection | null>;

interface Finder {
  doc: ReportDocument;
  parsed: ParsedDocument;
  structure: Structure;
  catalogue: Map<SectionKey, SectionEntry>;
  /** The year known before the plan is read (option, title or opening), to tell a plan from the opening. */
  knownYear: number | null;
}

function headingText(doc: ReportDocument, h: HeadingLine): string {
  return maskBookTitles(doc.norm.slice(h.titleStart, h.titleEnd));
}

/** `atStart`: the phrase must open the title (a plan sub-heading `（三）2024年工作计划`, not `（三）落实年度工作计划`). */
function headingMatches(entry: SectionEntry, text: string, atStart = false): boolean {
  return entry.titles.some((p) => (atStart ? p.matchesAtStart(text) : p.search(text) >= 0)) && !entry.exclude.some((p) => p.search(text) >= 0);
}

function fromHeading(f: Finder, key: SectionKey, index: number, form: SectionForm = 'heading', lastIndex = index): FoundSection {
  const { doc, structure } = f;
  const h = structure.headings[index];
  const endLine = sectionEndLine(structure, lastIndex);
  const range = doc.lineRange(h.line, endLine);
  return {
    key,
    form,
    title: doc.text.slice(h.numberingStart, h.titleEnd),
    range,
    asHeading: true,
    start: doc.lines[h.line].start,
    end: doc.offsetAt(range.end),
    startLine: h.line,
    endLine,
    headingIndex: index,
  };
}

function inside(section: FoundSection | null, line: number): boolean {
  return !!section && line >= section.startLine && line <= section.endLine;
}

/** Headings naming the part, outside the parts already found; the highest level wins, then the first (the last for the plan). */
function findHeading(f: Finder, key: SectionKey, taken: (FoundSection | null)[]): FoundSection | null {
  const entry = f.catalogue.get(key)!;
  const top = topLevel(f.structure.headings);
  let best = -1;
  f.structure.headings.forEach((h, i) => {
    const atStart = key === 'nextYear' && h.level > top;
    if (taken.some((s) => inside(s, h.line)) || !headingMatches(entry, headingText(f.doc, h), atStart)) return;
    const better = best < 0 || h.level < f.structure.headings[best].level || (key === 'nextYear' && h.level === f.structure.headings[best].level);
    if (better) best = i;
  });
  return best >= 0 ? fromHeading(f, key, best) : null;
}

/** The line after which the body begins: prose before the first heading is the opening, never a part. */
function bodyStartLine(f: Finder): number {
  return f.structure.headings[0]?.line ?? (f.structure.title?.line ?? -1) + 1;
}

/** The last line of the innermost section holding `line`, or of the report. */
function enclosingEnd(f: Finder, line: number): number {
  const { headings } = f.structure;
  let owner = -1;
  for (let i = 0; i < headings.length && headings[i].line <= line; i++) owner = i;
  return owner >= 0 ? sectionEndLine(f.structure, owner) : f.structure.lastContentLine;
}

/** An unnumbered paragraph whose first sentence opens the part; its range runs to the end of the section it sits in. */
function findParagraph(f: Finder, key: SectionKey, taken: (FoundSection | null)[]): FoundSection | null {
  const entry = f.catalogue.get(key)!;
  if (entry.paragraphCues.length === 0) return null;
  const { doc, parsed, structure } = f;
  const headingLines = new Set(structure.headings.map((h) => h.line));
  for (let l = bodyStartLine(f); l <= structure.lastContentLine; l++) {
    if (parsed.kinds[l] !== LineKind.Prose || headingLines.has(l) || taken.some((s) => inside(s, l))) continue;
    const line = doc.lines[l];
    const lead = /^[\s\u3000]*/.exec(line.norm)![0].length;
    // The first sentence, or the clause that introduces a list (`…的问题和不足：`).
    const first = /^[^。！？!?：:]*[。！？!?：:]?/.exec(maskBookTitles(line.norm.slice(lead)))![0];
    if (!entry.paragraphCues.some((p) => p.search(first) >= 0)) continue;
    if (key === 'nextYear' && !isLaterYear(first, f.knownYear)) continue;
    const endLine = Math.max(l, enclosingEnd(f, l));
    const range = doc.lineRange(l, endLine);
    const sentenceEnd = line.start + lead + first.length;
    return {
      key,
      form: 'paragraph',
      title: doc.text.slice(line.start + lead, trimSentenceEnd(doc, line.start + lead, sentenceEnd)),
      range: { start: { line: l, character: lead }, end: range.end },
      asHeading: false,
      start: line.start + lead,
      end: doc.offsetAt(range.end),
      startLine: l,
      endLine,
      headingIndex: null,
    };
  }
  return null;
}

/** A plan paragraph names a year after the report's (when that is known) or none. */
function isLaterYear(sentence: string, knownYear: number | null): boolean {
  const year = firstYear(sentence);
  return year === null || knownYear === null || year > knownYear;
}

function trimSentenceEnd(doc: ReportDocument, start: number, end: number): number {
  while (end > start && /[\s\u3000。！？!?：:，,；;]/.test(doc.norm[end - 1])) end--;
  return end;
}

/** The leaders' duty reported inside another part: the item whose title names it, else the sentence. */
function findSentence(f: Finder, key: SectionKey, excluded: (FoundSection | null)[]): FoundSection | null {
  const entry = f.catalogue.get(key)!;
  if (entry.sentenceCues.length === 0) return null;
  const { doc, parsed, structure } = f;
  for (let l = bodyStartLine(f); l <= structure.lastContentLine; l++) {
    const kind = parsed.kinds[l];
    if ((kind !== LineKind.Prose && kind !== LineKind.Table) || excluded.some((s) => inside(s, l))) continue;
    const line = doc.lines[l];
    const masked = maskBookTitles(line.norm);
    let index = -1;
    for (const cue of entry.sentenceCues) {
      const at = cue.search(masked);
      if (at >= 0 && (index < 0 || at < index)) index = at;
    }
    if (index < 0) continue;
    const at = line.start + index;
    const item = structure.items.find((it) => it.titleStart <= at && at < it.titleEnd);
    if (item) {
      return {
        key,
        form: 'item',
        title: doc.text.slice(item.numberingStart, item.titleEnd),
        range: doc.range(item.numberingStart, item.end),
        asHeading: false,
        start: item.numberingStart,
        end: item.end,
        startLine: item.line,
        endLine: doc.positionAt(item.end).line,
        headingIndex: null,
      };
    }
    // The sentence: from after the previous sentence end (or an item's numbering) to its own end.
    let start = at;
    while (start > line.start && !/[。！？!?；;]/.test(doc.norm[start - 1])) start--;
    const numbering = structure.items.find((it) => it.numberingStart === start || (it.numberingStart >= start && it.numberingEnd <= at && it.line === l));
    if (numbering && numbering.titleEnd <= at) start = numbering.titleEnd;
    while (start < at && /[\s\u3000。，,；;]/.test(doc.norm[start])) start++;
    let end = at;
    while (end < line.end && !/[。！？!?]/.test(doc.norm[end])) end++;
    const stop = end < line.end ? end + 1 : end;
    return {
      key,
      form: 'sentence',
      title: doc.text.slice(start, trimSentenceEnd(doc, start, stop)),
      range: doc.range(start, stop),
      asHeading: false,
      start,
      end: stop,
      startLine: l,
      endLine: l,
      headingIndex: null,
    };
  }
  return null;
}

/**
 * Work sections with no single measures heading: the top-level headings that
 * are no other part, before the problems and the plan; the first one's title,
 * the range from the first to the last.
 */
function findSpreadMeasures(f: Finder, others: (FoundSection | null)[], before: number): FoundSection | null {
  const { headings } = f.structure;
  const top = topLevel(headings);
  const claimed = new Set(others.filter((s): s is FoundSection => !!s && s.headingIndex !== null).map((s) => s.headingIndex));
  const other = /其他需要报告/;
  const work: number[] = [];
  headings.forEach((h, i) => {
    if (h.level !== top || h.line >= before || claimed.has(i) || others.some((s) => inside(s, h.line)) || other.test(headingText(f.doc, h))) return;
    work.push(i);
  });
  if (work.length === 0) return null;
  return fromHeading(f, 'measures', work[0], 'spread', work[work.length - 1]);
}

export function findSections(
  doc: ReportDocument,
  parsed: ParsedDocument,
  structure: Structure,
  catalogue: SectionEntry[],
  knownYear: number | null,
): SectionMap {
  const f: Finder = { doc, parsed, structure, catalogue: new Map(catalogue.map((e) => [e.key, e])), knownYear };
  // The plan first: whatever is inside it is planned, not reported.
  const nextYear = findHeading(f, 'nextYear', []) ?? findParagraph(f, 'nextYear', []);
  const problems = findHeading(f, 'problems', [nextYear]) ?? findParagraph(f, 'problems', [nextYear]);
  const firstResponsible = findHeading(f, 'firstResponsible', [nextYear, problems]) ?? findSentence(f, 'firstResponsible', [nextYear]);
  const measuresHeading = findHeading(f, 'measures', [nextYear, problems, firstResponsible?.asHeading ? firstResponsible : null]);
  const laterParts = [problems, nextYear].filter((s): s is FoundSection => !!s).map((s) => s.startLine);
  const measures =
    measuresHeading ??
    findSpreadMeasures(f, [nextYear, problems, firstResponsible?.asHeading ? firstResponsible : null], Math.min(Infinity, ...laterParts)) ??
    findParagraph(f, 'measures', [nextYear, problems]);
  return { measures, firstResponsible, problems, nextYear };
}
