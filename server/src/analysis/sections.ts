import catalogueData from './data/sections.json';
import type { ReportDocument } from './document';
import { sectionEndLine, type HeadingLine, type Structure } from './structure';
import { SECTION_KEYS, type SectionInfo, type SectionKey, type SectionSetting } from './types';

export interface SectionEntry {
  key: SectionKey;
  name: string;
  regulation: string;
  skeleton: string;
  guide: string;
  titles: RegExp[];
  exclude: RegExp[];
  required: boolean;
}

type RawEntry = { name: string; regulation: string; skeleton: string; guide: string; titles: string[]; exclude: string[] };

/** A catalogue phrase is plain text; `…` is a short gap and `YYYY` a year. */
export function compilePhrase(phrase: string): RegExp {
  const source = phrase
    .split(/(…|YYYY)/)
    .map((part) => (part === '…' ? '.{0,12}?' : part === 'YYYY' ? '(?:19|20)\\d{2}' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(source);
}

const BUILT_IN = catalogueData as unknown as Record<SectionKey, RawEntry>;
const compiledBuiltIn = new Map<SectionKey, { titles: RegExp[]; exclude: RegExp[] }>(
  SECTION_KEYS.map((key) => [key, { titles: BUILT_IN[key].titles.map(compilePhrase), exclude: BUILT_IN[key].exclude.map(compilePhrase) }]),
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
      titles: extra.length ? [...built.titles, ...extra.map(compilePhrase)] : built.titles,
      exclude: built.exclude,
      required: settings?.[key]?.required ?? true,
    };
  });
}

export interface FoundSection extends SectionInfo {
  key: SectionKey;
  headingIndex: number | null;
  startLine: number;
  endLine: number;
}

function headingMatches(entry: SectionEntry, text: string): boolean {
  return entry.titles.some((re) => re.test(text)) && !entry.exclude.some((re) => re.test(text));
}

/** Finds each required part among the headings, preferring the highest level. */
export function findSections(doc: ReportDocument, structure: Structure, catalogue: SectionEntry[]): Record<SectionKey, FoundSection | null> {
  const result = { measures: null, firstResponsible: null, problems: null, nextYear: null } as Record<SectionKey, FoundSection | null>;
  const { headings } = structure;
  const norm = (h: HeadingLine) => doc.norm.slice(h.titleStart, h.titleEnd);
  for (const entry of catalogue) {
    let best = -1;
    for (let i = 0; i < headings.length; i++) {
      if (!headingMatches(entry, norm(headings[i]))) continue;
      if (best < 0 || headings[i].level < headings[best].level) best = i;
    }
    if (best < 0) continue;
    const h = headings[best];
    const endLine = sectionEndLine(doc, structure, best);
    result[entry.key] = {
      key: entry.key,
      title: doc.text.slice(h.numberingStart, h.titleEnd),
      range: doc.lineRange(h.line, endLine),
      asHeading: true,
      headingIndex: best,
      startLine: h.line,
      endLine,
    };
  }
  return result;
}
