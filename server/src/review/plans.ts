// Last year's plan against this year's measures: the items of a report's
// next-year part (its sub-headings, else its 一是… items, else its sentences),
// each read as the three-character pieces of its title; an item too few of
// whose pieces appear in the measures of the next report of the same unit
// left no trace there. Three characters let a reworded item still show
// (备案审查制度 → 报送备案…备案审查率); common words make an item look traced,
// never the reverse, so what is listed is worth a look.
import type { RuleContext } from '../analysis/rules/rule';
import { hashShingle, normalize } from './shingles';
import type { Place } from './types';
import { placeOf, type LocatedDocument } from './places';

export interface PlanItem {
  place: Place;
  /** Distinct three-character hashes of the item's title. */
  grams: Uint32Array;
}

/** Items read per plan, and characters of an item's title. */
const MAX_ITEMS = 30;
const MAX_TITLE = 60;
/** Characters per piece. */
const GRAM = 3;
/** Pieces an item needs before its trace can be judged. */
const MIN_GRAMS = 3;
/** Share of an item's pieces found in the measures, below which it left no trace. */
export const MIN_TRACE = 0.25;

function gramsOf(norm: string, start: number, end: number, names: readonly string[]): Uint32Array {
  const { text } = normalize(norm, start, end, names);
  const out = new Set<number>();
  for (let i = 0; i + GRAM <= text.length; i++) out.add(hashShingle(text, i, GRAM));
  return Uint32Array.from(out);
}

const ITEM_END = /[。；;！？!?]/;

/** The end of an item's title: its first sentence, at most MAX_TITLE characters. */
function titleEnd(norm: string, start: number, limit: number): number {
  const to = Math.min(limit, start + MAX_TITLE);
  const stop = ITEM_END.exec(norm.slice(start, to));
  return stop ? start + stop.index : to;
}

/** The items of the report's next-year part. */
export function planItems(file: string, document: LocatedDocument, context: RuleContext, names: readonly string[]): PlanItem[] {
  const section = context.sections.nextYear;
  if (!section) return [];
  const { doc, structure } = context;
  const spans: [number, number][] = [];
  const headings = structure.headings.filter((h) => h.line > section.startLine && h.line <= section.endLine);
  const level = headings.reduce((m, h) => Math.min(m, h.level), Infinity);
  for (const h of headings) if (h.level === level) spans.push([h.titleStart, titleEnd(doc.norm, h.titleStart, doc.lines[h.line].end)]);
  if (spans.length === 0) {
    for (const item of structure.items) {
      if (item.parent === -1 && item.numberingStart >= section.start && item.numberingStart < section.end) spans.push([item.titleStart, titleEnd(doc.norm, item.titleStart, item.end)]);
    }
  }
  if (spans.length === 0) {
    // No structure: the sentences of the part after its heading line.
    const bodyStart = section.asHeading ? doc.lines[Math.min(section.startLine + 1, doc.lineCount - 1)].start : section.start;
    const text = doc.norm.slice(bodyStart, section.end);
    let from = 0;
    for (let i = 0; i <= text.length && spans.length < MAX_ITEMS; i++) {
      if (i === text.length || ITEM_END.test(text[i]) || text[i] === '\n') {
        if (i - from >= 8) spans.push([bodyStart + from, bodyStart + Math.min(i, from + MAX_TITLE)]);
        from = i + 1;
      }
    }
  }
  const items: PlanItem[] = [];
  for (const [start, end] of spans.slice(0, MAX_ITEMS)) {
    const grams = gramsOf(doc.norm, start, end, names);
    if (grams.length < MIN_GRAMS) continue;
    items.push({ place: placeOf(file, document, context, start, end, doc.text.slice(start, end).trim()), grams });
  }
  return items;
}

/** The three-character pieces of this year's measures (the whole body when the part is not found), and where they are. */
export function measuresOf(file: string, document: LocatedDocument, context: RuleContext, names: readonly string[]): { grams: Set<number>; place: Place | null } {
  const { doc, sections, structure } = context;
  const measures = sections.measures;
  const start = measures ? measures.start : structure.title ? structure.title.end : 0;
  const end = measures ? measures.end : sections.nextYear ? sections.nextYear.start : doc.text.length;
  const { text } = normalize(doc.norm, start, end, names);
  const grams = new Set<number>();
  for (let i = 0; i + GRAM <= text.length; i++) grams.add(hashShingle(text, i, GRAM));
  const headEnd = Math.min(end, doc.lines[doc.positionAt(start).line].end);
  return { grams, place: measures ? placeOf(file, document, context, start, headEnd, doc.text.slice(start, headEnd).trim().slice(0, 40)) : null };
}

/** Whether an item of last year's plan shows in this year's measures. */
export function traced(item: PlanItem, measures: Set<number>): boolean {
  let found = 0;
  for (const g of item.grams) if (measures.has(g)) found++;
  return found / item.grams.length >= MIN_TRACE;
}
