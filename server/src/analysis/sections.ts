// The four required parts of the report (《法治政府建设与责任落实督察工作规定》)
// and the optional fifth: found wherever they stand — as a heading at any
// level, one heading for two parts (`三、存在的问题和下步打算`), an unnumbered
// paragraph, or a sentence anywhere in a paragraph, helped by position (the
// problems after the measures, the plan last). Only then is the presentation judged.
import catalogueData from './data/sections.json';
import type { ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import { sectionEndLine, topLevel, type HeadingLine, type Structure } from './structure';
import { maskBookTitles } from './year';
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
  /** Problems: weaker wordings, counted when their sentence opens a paragraph or with a turn. */
  turnCues: Phrase[];
  sentenceTurns: Phrase[];
  /** Verbs of work done (解决, 整改…) that make a problems cue right after them a measure. */
  sentenceExclude: string[];
  /** Leaders' duty: a document in 《》 whose title holds one of the words, carried out by one of the verbs. */
  documentVerbs: string[];
  documentWords: string[];
  dutyHolders: string[];
  dutyActs: string[];
  dutyHolderExclude: string[];
  required: boolean;
}

type RawEntry = {
  name: string;
  regulation: string;
  skeleton: string;
  guide: string;
  required?: boolean;
  titles: string[];
  exclude: string[];
  paragraphCues: string[];
  sentenceCues: string[];
  turnCues?: string[];
  sentenceTurns?: string[];
  sentenceExclude?: string[];
  documentVerbs?: string[];
  documentWords?: string[];
  dutyHolders?: string[];
  dutyActs?: string[];
  dutyHolderExclude?: string[];
};

const BUILT_IN = catalogueData as unknown as Record<SectionKey, RawEntry>;
const compiledBuiltIn = new Map(
  SECTION_KEYS.map((key) => {
    const raw = BUILT_IN[key];
    return [
      key,
      {
        titles: raw.titles.map(compilePhrase),
        exclude: raw.exclude.map(compilePhrase),
        paragraphCues: raw.paragraphCues.map(compilePhrase),
        sentenceCues: raw.sentenceCues.map(compilePhrase),
        turnCues: (raw.turnCues ?? []).map(compilePhrase),
        sentenceTurns: (raw.sentenceTurns ?? []).map(compilePhrase),
        sentenceExclude: raw.sentenceExclude ?? [],
        documentVerbs: raw.documentVerbs ?? [],
        documentWords: raw.documentWords ?? [],
        dutyHolders: raw.dutyHolders ?? [],
        dutyActs: raw.dutyActs ?? [],
        dutyHolderExclude: raw.dutyHolderExclude ?? [],
      },
    ];
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
      required: settings?.[key]?.required ?? raw.required ?? true,
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
function headingMatches(entry: SectionEntry, text: string, atStart = false, useExclude = true): boolean {
  return entry.titles.some((p) => (atStart ? p.matchesAtStart(text) : p.search(text) >= 0)) && !(useExclude && entry.exclude.some((p) => p.search(text) >= 0));
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

/**
 * Headings naming the part, outside the parts already found (and inside `within`
 * when given); the highest level wins, then the first (the last for the plan).
 */
function findHeading(f: Finder, key: SectionKey, taken: (FoundSection | null)[], within: FoundSection | null = null): FoundSection | null {
  const entry = f.catalogue.get(key)!;
  const top = topLevel(f.structure.headings);
  let best = -1;
  f.structure.headings.forEach((h, i) => {
    if (within && (h.line <= within.startLine || h.line > within.endLine)) return;
    const atStart = key === 'nextYear' && h.level > top;
    if (taken.some((s) => inside(s, h.line)) || !headingMatches(entry, headingText(f.doc, h), atStart)) return;
    const better = best < 0 || h.level < f.structure.headings[best].level || (key === 'nextYear' && h.level === f.structure.headings[best].level);
    if (better) best = i;
  });
  return best >= 0 ? fromHeading(f, key, best) : null;
}

/**
 * One heading for the problems and the plan (`三、存在的问题和下步打算`): its
 * sub-headings split it when they name each part; otherwise it covers both.
 */
function splitCombined(f: Finder, problems: FoundSection): { problems: FoundSection; nextYear: FoundSection } | null {
  if (problems.headingIndex === null) return null;
  const text = headingText(f.doc, f.structure.headings[problems.headingIndex]);
  if (!headingMatches(f.catalogue.get('nextYear')!, text, false, false)) return null;
  const subProblems = findHeading(f, 'problems', [], problems);
  const subPlan = findHeading(f, 'nextYear', [], problems);
  return { problems: subProblems ?? problems, nextYear: subPlan ?? { ...problems, key: 'nextYear' } };
}

/** The first line of the measures: the first heading, else the line after the opening paragraph. */
function measuresStartLine(f: Finder): number {
  const first = f.structure.headings[0]?.line;
  if (first !== undefined) return first;
  let l = f.structure.bodyStartLine;
  while (l <= f.structure.lastContentLine && f.doc.lines[l].text.trim() === '') l++;
  return l + 1;
}

/** The last line of the innermost section holding `line`, or of the report. */
function enclosingEnd(f: Finder, line: number): number {
  const { headings } = f.structure;
  let owner = -1;
  for (let i = 0; i < headings.length && headings[i].line <= line; i++) owner = i;
  return owner >= 0 ? sectionEndLine(f.structure, owner) : f.structure.lastContentLine;
}

/** An unnumbered paragraph whose first sentence opens the part; its range runs to the end of the section it sits in. */
function findParagraph(f: Finder, key: SectionKey, taken: (FoundSection | null)[], accept: (line: number, sentence: string) => boolean = () => true): FoundSection | null {
  const entry = f.catalogue.get(key)!;
  if (entry.paragraphCues.length === 0) return null;
  const { doc, parsed, structure } = f;
  const headingLines = new Set(structure.headings.map((h) => h.line));
  for (let l = measuresStartLine(f); l <= structure.lastContentLine; l++) {
    if (parsed.kinds[l] !== LineKind.Prose || headingLines.has(l) || taken.some((s) => inside(s, l))) continue;
    const line = doc.lines[l];
    const lead = /^[\s\u3000]*/.exec(line.norm)![0].length;
    // The first sentence, or the clause that introduces a list (`…的问题和不足：`).
    const first = /^[^。！？!?：:]*[。！？!?：:]?/.exec(maskBookTitles(line.norm.slice(lead)))![0];
    if (!entry.paragraphCues.some((p) => p.search(first) >= 0) || !accept(l, first)) continue;
    return paragraphPart(f, key, l, line.start + lead, line.start + lead + first.length);
  }
  return null;
}

/** A part that opens with a paragraph or a sentence: from there to the end of the section it sits in. */
function paragraphPart(f: Finder, key: SectionKey, l: number, start: number, sentenceEnd: number, form: SectionForm = 'paragraph'): FoundSection {
  const { doc } = f;
  const endLine = Math.max(l, enclosingEnd(f, l));
  const range = doc.lineRange(l, endLine);
  // The title stops at a colon introducing a list (`…的问题和不足：一是…`).
  const colon = doc.norm.slice(start, sentenceEnd).search(/[：:]/);
  return {
    key,
    form,
    title: doc.text.slice(start, trimSentenceEnd(doc, start, colon > 0 ? start + colon : sentenceEnd)),
    range: { start: doc.positionAt(start), end: range.end },
    asHeading: false,
    start,
    end: doc.offsetAt(range.end),
    startLine: l,
    endLine,
    headingIndex: null,
  };
}

function trimSentenceEnd(doc: ReportDocument, start: number, end: number): number {
  while (end > start && /[\s\u3000。！？!?：:，,；;]/.test(doc.norm[end - 1])) end--;
  return end;
}

interface Sentence {
  line: number;
  /** Offsets of the sentence, after its leading spaces and any item numbering. */
  start: number;
  end: number;
  /** The simplified text with 《》 titles blanked. */
  text: string;
  /** The first sentence of its paragraph (after a heading's own title). */
  opensParagraph: boolean;
}

// `一是`, `第一，`, `（一）`, `1.` at a sentence's start are numbering, not its words.
const SENTENCE_NUMBERING = /^(?:[一二三四五六七八九十]{1,3}是[，,：:]?|第[一二三四五六七八九十]{1,3}[，,、：:]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|首先[，,]|其次[，,]|最后[，,])/;

/** The sentences of the prose lines `from`..`to` outside the parts given, past each heading's own title. */
function* sentencesIn(f: Finder, from: number, to: number, excluded: (FoundSection | null)[]): Generator<Sentence> {
  const { doc, parsed, structure } = f;
  const headingAt = new Map(structure.headings.map((h) => [h.line, h]));
  for (let l = from; l <= to; l++) {
    const kind = parsed.kinds[l];
    if ((kind !== LineKind.Prose && kind !== LineKind.Table) || excluded.some((s) => inside(s, l))) continue;
    const line = doc.lines[l];
    const h = headingAt.get(l);
    let at = h ? h.titleEnd : line.start;
    const masked = maskBookTitles(line.norm);
    let first = true;
    while (at < line.end) {
      let end = at;
      while (end < line.end && !/[。！？!?]/.test(doc.norm[end])) end++;
      if (end < line.end) end++;
      let start = at;
      while (start < end && /[\s\u3000。！？!?，,；;：:]/.test(doc.norm[start])) start++;
      const numbering = SENTENCE_NUMBERING.exec(masked.slice(start - line.start, end - line.start));
      if (numbering) start += numbering[0].length;
      while (start < end && /[\s\u3000]/.test(doc.norm[start])) start++;
      if (start < end) {
        yield { line: l, start, end, text: masked.slice(start - line.start, end - line.start), opensParagraph: first };
        first = false;
      }
      at = end;
    }
  }
}

/**
 * Whether a line stands in the last stretch of the report: in or after the last
 * top-level section of the work (a plan is last; the shortcomings come after the measures).
 */
function lateLine(f: Finder, claimed: (FoundSection | null)[]): (line: number) => boolean {
  const { headings } = f.structure;
  const top = topLevel(headings);
  let lastWork = -1;
  for (const h of headings) {
    if (h.level === top && !claimed.some((s) => s && s.asHeading && s.startLine === h.line)) lastWork = h.line;
  }
  const start = lastWork >= 0 ? lastWork : measuresStartLine(f);
  return (line) => line >= start;
}

const YEAR_START = /^((?:19|20)\d{2})[\s\u3000]*年(?![\s\u3000]*(?:\d|[-—–~～至到月]))/;

/**
 * The plan as a paragraph or a sentence: one opening with `下一步`, `今后…将`,
 * `明年`, or a year with `将`/`计划`… (sentenceCues, at the sentence's start).
 * Where it may stand depends on how sure its wording is: a later year than the
 * report's may open a paragraph anywhere after the measures begin; words of the
 * future without a year, in the last top-level section of a report that has
 * several (or none); the report's own year or an earlier one (a plan naming the
 * wrong year, or `将` meaning `把`) only after the shortcomings. Its year is
 * compared later (plan-year), so a plan naming the wrong year is still the plan.
 */
function findPlanSentence(f: Finder, taken: (FoundSection | null)[], problems: FoundSection | null): FoundSection | null {
  const entry = f.catalogue.get('nextYear')!;
  const late = lateLine(f, taken);
  const top = topLevel(f.structure.headings);
  const sections = f.structure.headings.filter((h) => h.level === top).length;
  // One top-level section seen (a page cut short) tells nothing about what comes last.
  const positionKnown = sections !== 1;
  for (const s of sentencesIn(f, measuresStartLine(f), f.structure.lastContentLine, taken)) {
    if (!entry.sentenceCues.some((p) => p.matchesAtStart(s.text)) && !(s.opensParagraph && entry.paragraphCues.some((p) => p.matchesAtStart(s.text)))) continue;
    const year = YEAR_START.exec(s.text);
    if (/^(?:19|20)\d{2}/.test(s.text) && !year) continue;
    const afterProblems = problems !== null && s.start >= problems.start;
    const ok =
      year === null || f.knownYear === null
        ? afterProblems || (positionKnown && late(s.line))
        : Number(year[1]) > f.knownYear
          ? s.opensParagraph || afterProblems || (positionKnown && late(s.line))
          : afterProblems;
    if (!ok) continue;
    return paragraphPart(f, 'nextYear', s.line, s.start, s.end, s.opensParagraph ? 'paragraph' : 'sentence');
  }
  return null;
}

/** A part found as a paragraph, cut short where a later part begins inside its range. */
function endBefore(f: Finder, part: FoundSection, next: FoundSection): FoundSection {
  const { doc } = f;
  let end = next.start;
  while (end > part.start && /[\s\u3000]/.test(doc.text[end - 1])) end--;
  const endLine = doc.lineAt(end).index;
  return { ...part, end, endLine, range: { start: part.range.start, end: doc.positionAt(end) } };
}

/** Whether a verb of work done stands just before `at` in the sentence (`针对存在的问题`, `整改发现的不足`). */
function describesWork(entry: SectionEntry, text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 6), at);
  return entry.sentenceExclude.some((v) => before.includes(v));
}

/**
 * The shortcomings as a sentence anywhere in a paragraph after the measures
 * begin: `仍存在…问题` and the like (sentenceCues) anywhere, weaker wordings
 * (turnCues) when the sentence opens a paragraph in the last stretch or opens
 * with a turn (`但`, `在肯定成绩的同时`…).
 */
function findProblemSentence(f: Finder, taken: (FoundSection | null)[]): FoundSection | null {
  const entry = f.catalogue.get('problems')!;
  const late = lateLine(f, taken);
  for (const s of sentencesIn(f, measuresStartLine(f), f.structure.lastContentLine, taken)) {
    const cueAt = (cues: Phrase[]) => {
      for (const p of cues) {
        const at = p.search(s.text);
        if (at >= 0 && !describesWork(entry, s.text, at)) return at;
      }
      return -1;
    };
    const turned = entry.sentenceTurns.some((p) => p.matchesAtStart(s.text));
    const found =
      cueAt(entry.sentenceCues) >= 0 ||
      (s.opensParagraph && cueAt(entry.paragraphCues) >= 0) ||
      ((turned || (s.opensParagraph && late(s.line))) && cueAt(entry.turnCues) >= 0);
    if (!found) continue;
    if (s.opensParagraph) return paragraphPart(f, 'problems', s.line, s.start, s.end);
    // Inside a paragraph: from the sentence to the paragraph's end; the title stops at a colon introducing a list.
    const line = f.doc.lines[s.line];
    const colon = f.doc.norm.slice(s.start, s.end).search(/[：:]/);
    return {
      key: 'problems',
      form: 'sentence',
      title: f.doc.text.slice(s.start, trimSentenceEnd(f.doc, s.start, colon > 0 ? s.start + colon : s.end)),
      range: f.doc.range(s.start, line.end),
      asHeading: false,
      start: s.start,
      end: line.end,
      startLine: s.line,
      endLine: s.line,
      headingIndex: null,
    };
  }
  return null;
}

/**
 * The leaders' duty reported inside another part (the opening included): the
 * item whose title names it, else the sentence. A sentence reports it when it
 * names the duty (sentenceCues), carries out a document on it
 * (`落实《党政主要负责人履行推进法治建设第一责任人职责规定》`), or has a leader
 * doing it (`主要负责人带头述法`).
 */
function findDutySentence(f: Finder, excluded: (FoundSection | null)[]): FoundSection | null {
  const entry = f.catalogue.get('firstResponsible')!;
  const { doc, structure } = f;
  const documents = documentPattern(entry);
  // The plainest wording wins wherever it stands: the duty named, then a document on it carried out, then a leader doing it.
  const tiers: ((s: Sentence) => number | null)[] = [
    (s) => {
      let index = -1;
      for (const cue of entry.sentenceCues) {
        const at = cue.search(s.text);
        if (at >= 0 && (index < 0 || at < index)) index = at;
      }
      return index >= 0 ? s.start + index : null;
    },
    (s) => {
      if (!documents) return null;
      documents.lastIndex = 0;
      const m = documents.exec(doc.norm.slice(s.start, s.end));
      return m ? s.start + m.index : null;
    },
    (s) => {
      const at = dutyAt(entry, s.text);
      if (at >= 0) return s.start + at;
      // `一是依法规范履职。局主要负责人严格落实…`: the item's title names the act, its first sentence the holder.
      const holder = entry.dutyHolders.map((h) => s.text.indexOf(h)).filter((i) => i >= 0 && i <= 4);
      if (holder.length === 0) return null;
      const item = structure.items.find((it) => it.line === s.line && it.titleEnd <= s.start && s.start - it.titleEnd <= 2);
      const title = item ? doc.norm.slice(item.titleStart, item.titleEnd) : '';
      return item && entry.dutyActs.some((act) => title.includes(act)) ? item.titleStart : null;
    },
  ];
  for (const tier of tiers) {
    for (const s of sentencesIn(f, structure.bodyStartLine, structure.lastContentLine, excluded)) {
      const at = tier(s);
      if (at !== null && !listsParts(f, s)) return dutyPart(f, s, at);
    }
  }
  return null;
}

/** A sentence naming the report's parts (`本报告包括主要举措和成效、…第一责任人职责情况、存在不足…`) is a table of contents. */
function listsParts(f: Finder, s: Sentence): boolean {
  let others = 0;
  for (const key of ['measures', 'problems', 'nextYear'] as const) {
    if (f.catalogue.get(key)!.titles.some((p) => p.search(s.text) >= 0)) others++;
  }
  return others >= 2;
}

/** The item whose title holds the duty's words, else the sentence. */
function dutyPart(f: Finder, s: Sentence, at: number): FoundSection {
  const { doc, structure } = f;
  const item = structure.items.find((it) => it.titleStart <= at && at < it.titleEnd && (it.line === s.line || it.titleStart === at));
  if (item) {
    return {
      key: 'firstResponsible',
      form: 'item',
      title: doc.text.slice(item.numberingStart, item.titleEnd),
      range: doc.range(item.numberingStart, item.end),
      asHeading: false,
      start: item.numberingStart,
      end: item.end,
      startLine: item.line,
      endLine: doc.lineAt(item.end).index,
      headingIndex: null,
    };
  }
  return {
    key: 'firstResponsible',
    form: 'sentence',
    title: doc.text.slice(s.start, trimSentenceEnd(doc, s.start, s.end)),
    range: doc.range(s.start, s.end),
    asHeading: false,
    start: s.start,
    end: s.end,
    startLine: s.line,
    endLine: s.line,
    headingIndex: null,
  };
}

const documentPatterns = new WeakMap<SectionEntry, RegExp | null>();

/** `落实《…第一责任人…》`: a verb, a few characters at most, then a title holding one of the words. */
function documentPattern(entry: SectionEntry): RegExp | null {
  if (documentPatterns.has(entry)) return documentPatterns.get(entry)!;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re =
    entry.documentVerbs.length && entry.documentWords.length
      ? new RegExp(`(?:${entry.documentVerbs.map(escape).join('|')})[^。！？!?《》]{0,6}《[^《》]{0,40}(?:${entry.documentWords.map(escape).join('|')})`, 'g')
      : null;
  documentPatterns.set(entry, re);
  return re;
}

/** A duty holder (`主要负责人`) followed in its sentence by an act of the duty (`带头`, `述法`); the holder's offset or -1. */
function dutyAt(entry: SectionEntry, text: string): number {
  for (const holder of entry.dutyHolders) {
    for (let at = text.indexOf(holder); at >= 0; at = text.indexOf(holder, at + holder.length)) {
      const before = text.slice(Math.max(0, at - 6), at);
      if (entry.dutyHolderExclude.some((w) => before.endsWith(w))) continue;
      const rest = text.slice(at + holder.length, at + holder.length + 24);
      if (entry.dutyActs.some((act) => rest.includes(act))) return at;
    }
  }
  return -1;
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
  const work: number[] = [];
  headings.forEach((h, i) => {
    if (h.level !== top || h.line >= before || claimed.has(i) || others.some((s) => inside(s, h.line))) return;
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
  let nextYear = findHeading(f, 'nextYear', []);
  let problems = findHeading(f, 'problems', [nextYear]);
  if (problems && !nextYear) {
    const combined = splitCombined(f, problems);
    if (combined) ({ problems, nextYear } = combined);
  }
  const other = findHeading(f, 'other', [nextYear, problems]) ?? findParagraph(f, 'other', [nextYear, problems]);
  const firstResponsibleHeading = findHeading(f, 'firstResponsible', [nextYear, problems]);
  // The plan may begin inside the shortcomings' own section (`…薄弱。2024年，我们将…`): that section is searched too.
  nextYear ??= findPlanSentence(f, [other, firstResponsibleHeading], problems);
  problems ??= findProblemSentence(f, [nextYear, other, firstResponsibleHeading]);
  // A plan in the paragraphs after shortcomings found only now: the shortcomings end where it begins.
  if (!nextYear && problems && !problems.asHeading) nextYear = findPlanSentence(f, [other, firstResponsibleHeading], problems);
  // The plan inside the shortcomings' range: a sub-heading of the shortcomings if there is one, else they end where it begins.
  if (nextYear && problems && nextYear.start > problems.start && nextYear.start <= problems.end) {
    problems = (problems.asHeading ? findHeading(f, 'problems', [nextYear], problems) : null) ?? endBefore(f, problems, nextYear);
  }
  const firstResponsible = firstResponsibleHeading ?? findDutySentence(f, [nextYear, problems, other]);
  const measuresHeading = findHeading(f, 'measures', [nextYear, problems, other, firstResponsible?.asHeading ? firstResponsible : null]);
  const laterParts = [problems, nextYear, other].filter((s): s is FoundSection => !!s).map((s) => s.startLine);
  const measures =
    measuresHeading ??
    findSpreadMeasures(f, [nextYear, problems, other, firstResponsible?.asHeading ? firstResponsible : null], Math.min(Infinity, ...laterParts)) ??
    findParagraph(f, 'measures', [nextYear, problems, other]);
  return { measures, firstResponsible, problems, nextYear, other };
}
