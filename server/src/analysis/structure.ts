// Recognition of the report's structure, per source line: title, addressee,
// numbered headings (GB/T 9704-2012 7.3.3), inline enumerations, signature.
// Drafts pasted from Word have one paragraph per line, so lines decide, and
// the Markdown tree only tells which lines are code, quotes, tables or `#`.
import type { ReportDocument, Line } from './document';
import { LineKind, type ParsedDocument } from './parse';
import { parseChineseInteger } from './numerals';
import { findEnding, isFurnitureText, isOrganisationLine, parseDateLine, recognizeFrame, trimTrailingMarks, type Frame, type Signature } from './frame';

export type { Signature } from './frame';

/** A numbering style; the level is fixed by GB/T 9704 for each. */
export type NumberingStyle =
  | 'cn-dun' // 一、
  | 'cn-dot' // 一. 一．
  | 'cn-paren-full' // （一）
  | 'cn-paren-half' // (一)
  | 'arabic-dot' // 1.
  | 'arabic-dun' // 1、
  | 'arabic-fullstop' // 1．
  | 'arabic-paren-full' // （1）
  | 'arabic-paren-half' // (1)
  | 'circled' // ①
  | 'none'; // a Markdown heading without numbering

export interface HeadingLine {
  line: number;
  level: number;
  style: NumberingStyle;
  /** The numbering as written, e.g. `（一）`; empty when there is none. */
  numbering: string;
  /** Its value (一 → 1, ③ → 3); 0 when there is none. */
  value: number;
  numberingStart: number;
  numberingEnd: number;
  titleStart: number;
  titleEnd: number;
  title: string;
  /** Markdown `#` depth, 0 for a plain line. */
  mdDepth: number;
}

/** An inline enumeration item: `一是…`, `第一，…`. */
export interface ItemMarker {
  value: number;
  numbering: string;
  numberingStart: number;
  numberingEnd: number;
  titleStart: number;
  titleEnd: number;
  /** End of the item's text: before the next item at its depth or above, or the end of its heading's body. */
  end: number;
  line: number;
  /** The heading whose body holds it; -1 before the first heading. */
  heading: number;
  /** The item it is nested in (`四是…一是…`), or -1. */
  parent: number;
}

export interface Structure extends Frame {
  headings: HeadingLine[];
  items: ItemMarker[];
  signature: Signature | null;
  /** The last line of the report's body: before the signature and any web-page furniture. */
  lastContentLine: number;
  /** For each heading, the last line of its section. */
  sectionEnds: number[];
}

const CN = '[一二三四五六七八九十百零〇两]';
const NUMBERING: { re: RegExp; level: number; style: NumberingStyle }[] = [
  { re: new RegExp(`^(${CN}{1,6})、`), level: 1, style: 'cn-dun' },
  // `、坚持…`: the numeral lost in a web copy; still a level-1 heading, its number missing.
  { re: /^()、(?=[^\s\u3000、，,。])/, level: 1, style: 'cn-dun' },
  { re: new RegExp(`^(${CN}{1,6})[.．](?![.．\\d])`), level: 1, style: 'cn-dot' },
  { re: new RegExp(`^（(${CN}{1,6})）`), level: 2, style: 'cn-paren-full' },
  { re: new RegExp(`^[（(](${CN}{1,6})[）)]`), level: 2, style: 'cn-paren-half' },
  { re: /^(\d{1,3})\.(?![.\d])/, level: 3, style: 'arabic-dot' },
  { re: /^(\d{1,3})、/, level: 3, style: 'arabic-dun' },
  { re: /^(\d{1,3})．(?![．\d])/, level: 3, style: 'arabic-fullstop' },
  { re: /^（(\d{1,3})）/, level: 4, style: 'arabic-paren-full' },
  { re: /^[（(](\d{1,3})[）)]/, level: 4, style: 'arabic-paren-half' },
  { re: /^([①-⑳])/, level: 4, style: 'circled' },
];

const SENTENCE_END = /[。！？!?]/;
// An item's title also ends at the clause mark that separates `一是…；二是…`.
const ITEM_TITLE_END = /[。！？!?；;]/;
const SPACES = /^[\s\u3000]*/;
// A full-width space lost to a wrong encoding shows as `?` (`??一、…`): indentation, not text.
const LOST_INDENT = /^\?{1,4}(?=[^?\s])/;

function numberValue(raw: string, style: NumberingStyle): number {
  if (style === 'circled') return raw.charCodeAt(0) - 0x2460 + 1;
  if (/^\d+$/.test(raw)) return Number(raw);
  return parseChineseInteger(raw) ?? 0;
}

/** Where a line's text starts: after `#` marks, indentation and, in Markdown, an opening `**`. */
function contentStart(line: Line, parsed: ParsedDocument): number {
  const md = parsed.mdHeadings.get(line.index);
  let at = md ? md.contentStart - line.start : 0;
  at += SPACES.exec(line.norm.slice(at))![0].length;
  at += LOST_INDENT.exec(line.norm.slice(at))?.[0].length ?? 0;
  if (parsed.format === 'markdown') {
    const emphasis = /^[*_]{1,3}(?=\S)/.exec(line.norm.slice(at));
    if (emphasis) at += emphasis[0].length;
  }
  return line.start + at;
}

/**
 * A title runs to the first `。`; trailing spaces, emphasis marks and a colon are not part of it.
 * It is looked for within `limit` characters, so many items on one long line cost each their own title only.
 */
function titleEndOf(doc: ReportDocument, lineEnd: number, from: number, stopAt = SENTENCE_END, limit = Infinity): number {
  const to = Math.min(lineEnd, from + limit);
  const stop = stopAt.exec(doc.norm.slice(from, to));
  let end = stop ? from + stop.index : to;
  while (end > from && /[\s\u3000*_#：:]/.test(doc.norm[end - 1])) end--;
  return end;
}

// The first character of any numbering: most lines are passed over after one look.
const NUMBERING_FIRST = /[一二三四五六七八九十百零〇两（(\d①-⑳、]/;

function matchNumbering(doc: ReportDocument, line: Line, start: number) {
  if (!NUMBERING_FIRST.test(doc.norm[start] ?? '')) return null;
  const text = doc.norm.slice(start, line.end);
  for (const n of NUMBERING) {
    const m = n.re.exec(text);
    if (!m) continue;
    // A numbering with nothing after it is no heading.
    if (text.slice(m[0].length).trim().length === 0) return null;
    return { ...n, raw: m[1], length: m[0].length };
  }
  return null;
}

// A numbering run into the text after a sentence (`…取得新成效。二、坚持…`), a colon, or a space
// (text extracted from a document whose line breaks became spaces: `…成效 (一)加强…`).
const RUN_IN = /(?:[。！？；;!?：:][\s\u3000]*|[\s\u3000])(?=[一二三四五六七八九十（(\d])/g;
/** A line shorter than this is a paragraph of its own, never a page copied whole. */
const RUN_IN_MIN_LINE = 200;
/** A single line this long, alone in its text, is a page copied without paragraph breaks. */
const RUN_IN_UNBROKEN = 500;

/**
 * Where headings are run into a long line (a page copied as one paragraph):
 * after a sentence end, a colon or a space, level-1 numberings whose values
 * follow one another in the line (一、…二、), and, within such a line, the
 * numbers of levels 2 and 3 too. In a text with no paragraph breaks at all,
 * `（一）…（二）` or a first `一、` is enough. A lone `。一、` inside a paragraph is not.
 */
export function findRunInBreaks(doc: ReportDocument): number[] {
  const breaks: number[] = [];
  const nonBlank = doc.physical.reduce((n, l) => n + (l.text.trim() === '' ? 0 : 1), 0);
  for (const line of doc.physical) {
    if (line.end - line.start < RUN_IN_MIN_LINE) continue;
    const found: { at: number; level: number; value: number }[] = [];
    RUN_IN.lastIndex = 0;
    for (let m = RUN_IN.exec(line.norm); m; m = RUN_IN.exec(line.norm)) {
      const at = m.index + m[0].length;
      const n = numberingAt(line.norm.slice(at, at + 12));
      if (n) found.push({ at: line.start + at, level: n.level, value: numberValue(n.raw, n.style) });
      RUN_IN.lastIndex = at;
    }
    const sequenced = (level: number) => {
      const values = found.filter((f) => f.level === level).map((f) => f.value);
      return values.some((v, i) => i > 0 && v === values[i - 1] + 1);
    };
    // A text with no paragraph breaks at all may show only its first heading (a page cut short).
    const unbroken = line.end - line.start >= RUN_IN_UNBROKEN && nonBlank <= 3;
    // Two level-1 headings in sequence are a page run together; an inline `（一）…；（二）…` list in
    // one paragraph of a report with paragraph breaks is not, so level 2 counts in an unbroken text only.
    if (!sequenced(1) && !(unbroken && (sequenced(2) || found.some((f) => f.level === 1 && f.value === 1)))) continue;
    for (const f of found) if (f.level <= 3) breaks.push(f.at);
  }
  return breaks;
}

/** The numbering a text opens with, if any (the heading patterns of GB/T 9704). */
function numberingAt(text: string): { level: number; style: NumberingStyle; raw: string } | null {
  for (const n of NUMBERING) {
    const m = n.re.exec(text);
    if (m && text.slice(m[0].length).trim().length > 0) return { level: n.level, style: n.style, raw: m[1] };
  }
  return null;
}

export function recognizeStructure(doc: ReportDocument, parsed: ParsedDocument): Structure {
  const headings: HeadingLine[] = [];
  let numberedParentLevel = 0;
  const frame = recognizeFrame(doc, parsed, (line) => matchNumbering(doc, line, contentStart(line, parsed)) !== null);

  for (let l = frame.bodyStartLine; l < doc.lineCount; l++) {
    const line = doc.lines[l];
    if (parsed.kinds[line.index] !== LineKind.Prose || line.index === frame.addressee?.line) continue;
    const start = contentStart(line, parsed);
    if (start >= line.end) continue;
    const md = parsed.mdHeadings.get(line.index);
    const numbering = matchNumbering(doc, line, start);

    if (numbering) {
      const numberingEnd = start + numbering.length;
      const titleStart = numberingEnd + SPACES.exec(doc.norm.slice(numberingEnd, line.end))![0].length;
      const titleEnd = titleEndOf(doc, line.end, titleStart);
      numberedParentLevel = numbering.level;
      headings.push({
        line: line.index,
        level: numbering.level,
        style: numbering.style,
        numbering: doc.text.slice(start, numberingEnd),
        value: numberValue(numbering.raw, numbering.style),
        numberingStart: start,
        numberingEnd,
        titleStart,
        titleEnd,
        title: doc.text.slice(titleStart, titleEnd),
        mdDepth: md?.depth ?? 0,
      });
    } else if (md) {
      // A `#` heading without numbering sits one level below its numbered parent.
      const titleEnd = titleEndOf(doc, line.end, start);
      headings.push({
        line: line.index,
        level: numberedParentLevel ? Math.min(numberedParentLevel + 1, 4) : 1,
        style: 'none',
        numbering: '',
        value: 0,
        numberingStart: start,
        numberingEnd: start,
        titleStart: start,
        titleEnd,
        title: doc.text.slice(start, titleEnd),
        mdDepth: md.depth,
      });
    }
  }
  const lastHeadingLine = headings.length ? headings[headings.length - 1].line : Math.max(frame.title?.line ?? -1, frame.bodyStartLine - 1);
  const { signature, lastContentLine } = findEnding(doc, parsed, lastHeadingLine);
  if (!headings.some((h) => h.level === 1) && parsed.mdHeadings.size === 0) addPlainHeadings(doc, parsed, frame.bodyStartLine, lastContentLine, headings);
  const sectionEnds = computeSectionEnds(doc, headings, lastContentLine);
  const structure: Structure = { ...frame, headings, items: [], signature, lastContentLine, sectionEnds };
  structure.items = recognizeItems(doc, parsed, structure);
  return structure;
}

/** A heading written as a short line of its own, without numbering or punctuation (national reports set them in bold). */
const PLAIN_HEADING = /^[^。，,；;：:！？!?、（）()“”《》\d]{4,30}$/;

/**
 * Headings without numbering, in a report that has no numbered level-1 heading:
 * short lines with no punctuation, each followed by a paragraph. Beside
 * numbered sub-headings at least two are needed, so one stray short line is
 * never taken for an outline.
 */
function addPlainHeadings(doc: ReportDocument, parsed: ParsedDocument, from: number, to: number, headings: HeadingLine[]): void {
  const found: HeadingLine[] = [];
  for (let l = from; l <= to; l++) {
    const line = doc.lines[l];
    if (parsed.kinds[l] !== LineKind.Prose) continue;
    const start = contentStart(line, parsed);
    const text = trimTrailingMarks(doc.norm.slice(start, line.end));
    if (!PLAIN_HEADING.test(text) || isFurnitureText(text) || isOrganisationLine(line) || parseDateLine(line)) continue;
    let next = l + 1;
    while (next <= to && doc.lines[next].text.trim() === '') next++;
    if (next > to || !/[。！？!?]/.test(doc.lines[next].norm) || doc.lines[next].norm.trim().length < 40) continue;
    if (headings.some((h) => h.line === l)) continue;
    found.push({ line: l, level: 1, style: 'none', numbering: '', value: 0, numberingStart: start, numberingEnd: start, titleStart: start, titleEnd: start + text.length, title: doc.text.slice(start, start + text.length), mdDepth: 0 });
  }
  // With no numbered heading at all, one is enough (a page cut short may show only its first).
  if (found.length < (headings.length === 0 ? 1 : 2)) return;
  // Numbered headings below them keep their own levels; the plain ones sit above.
  headings.push(...found);
  headings.sort((a, b) => a.line - b.line);
}

/** The highest level (smallest number) among the headings, or 0 when there are none; a loop, not a spread, so any count works. */
export function topLevel(headings: readonly { level: number }[]): number {
  let top = 0;
  for (const h of headings) if (top === 0 || h.level < top) top = h.level;
  return top;
}

/** The last line of a heading's section: the last non-blank line before the next heading at its level or above. */
export function sectionEndLine(structure: Structure, index: number): number {
  return structure.sectionEnds[index];
}

/** Every heading's section end in one pass, with a stack of the open sections. */
function computeSectionEnds(doc: ReportDocument, headings: HeadingLine[], lastContentLine: number): number[] {
  const ends = new Array<number>(headings.length);
  const open: number[] = [];
  headings.forEach((h, j) => {
    while (open.length && headings[open[open.length - 1]].level >= h.level) ends[open.pop()!] = h.line - 1;
    open.push(j);
  });
  for (const i of open) ends[i] = lastContentLine;
  return ends.map((end, i) => {
    const line = headings[i].line;
    end = Math.min(end, Math.max(lastContentLine, line));
    while (end > line && doc.lines[end].text.trim() === '') end--;
    return Math.max(end, line);
  });
}

// `一是` at the start of a line or after a sentence or clause (`…工作，一是`); `第一，` likewise.
const ITEM = /(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[，,、：:]))/g;
const ITEM_OPENER = /[。；;：:！？!?，,]/;
/** `四是…一是…二是…` nests one count in another; real reports never go deeper than this. */
const MAX_ITEM_DEPTH = 3;
/** An item's title is its first clause; past this many characters it is cut (the outline shows it whole anyway). */
const MAX_ITEM_TITLE = 200;

/** An item opens a line (after spaces) or follows a sentence or clause mark. */
function opensItem(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i--;
  return i < 0 || ITEM_OPENER.test(text[i]);
}

/**
 * Inline enumerations in each heading's own body (before its first sub-heading).
 * A `一是` after an open item on the same line starts a nested count (`四是…一是…二是…`);
 * a `一是` that opens a line starts a new list.
 */
function recognizeItems(doc: ReportDocument, parsed: ParsedDocument, structure: Structure): ItemMarker[] {
  const items: ItemMarker[] = [];
  const { headings } = structure;
  const bodyStart = structure.bodyStartLine;
  const bodies: { heading: number; from: number; to: number }[] = [];
  if (headings.length === 0 || headings[0].line > bodyStart) {
    bodies.push({ heading: -1, from: bodyStart, to: Math.min((headings[0]?.line ?? Infinity) - 1, structure.lastContentLine) });
  }
  headings.forEach((h, i) => bodies.push({ heading: i, from: h.line, to: Math.min((headings[i + 1]?.line ?? Infinity) - 1, structure.lastContentLine) }));

  for (const body of bodies) {
    if (body.to < body.from) continue;
    const base = items.length;
    const depth: number[] = [];
    let open: number[] = []; // local indices of the open items, outermost first
    for (let l = body.from; l <= body.to; l++) {
      const kind = parsed.kinds[l];
      if (kind !== LineKind.Prose && kind !== LineKind.Quote) continue;
      const line = doc.lines[l];
      ITEM.lastIndex = body.heading >= 0 && l === headings[body.heading].line ? headings[body.heading].titleEnd - line.start : 0;
      let firstOnLine = true;
      for (let m = ITEM.exec(line.norm); m; m = ITEM.exec(line.norm)) {
        if (!opensItem(line.norm, m.index)) continue;
        const raw = m[1] ?? m[2];
        const value = parseChineseInteger(raw) ?? 0;
        let parent = -1;
        if (value === 1) {
          // Nested counts go at most MAX_ITEM_DEPTH deep; a deeper `一是` restarts the innermost count.
          if (open.length && !firstOnLine && open.length < MAX_ITEM_DEPTH) parent = open[open.length - 1];
          else if (open.length && !firstOnLine) {
            open = open.slice(0, -1);
            parent = open.length ? open[open.length - 1] : -1;
          } else open = [];
        } else {
          let k = open.length - 1;
          while (k >= 0 && items[base + open[k]].value !== value - 1) k--;
          // No predecessor (一是…三是): it takes the place of the innermost open item.
          if (k < 0) k = open.length - 1;
          open = k >= 0 ? open.slice(0, k) : [];
          parent = open.length ? open[open.length - 1] : -1;
        }
        const numberingStart = line.start + m.index;
        const numberingEnd = numberingStart + raw.length + 1;
        const titleStart = numberingEnd + (m[2] !== undefined ? 1 : 0);
        items.push({
          value,
          numbering: doc.text.slice(numberingStart, numberingEnd),
          numberingStart,
          numberingEnd,
          titleStart,
          titleEnd: titleEndOf(doc, line.end, titleStart, ITEM_TITLE_END, MAX_ITEM_TITLE),
          end: -1,
          line: l,
          heading: body.heading,
          parent: parent >= 0 ? base + parent : -1,
        });
        depth.push(parent >= 0 ? depth[parent] + 1 : 0);
        open.push(items.length - 1 - base);
        firstOnLine = false;
      }
    }
    // An item ends where the next item at its depth or above starts, or with its body:
    // one pass with a stack of the items still open.
    const bodyEnd = lastNonBlankEnd(doc, body.from, body.to);
    const ends = new Array<number>(items.length - base).fill(bodyEnd);
    const stack: number[] = [];
    for (let j = base; j < items.length; j++) {
      while (stack.length && depth[stack[stack.length - 1] - base] >= depth[j - base]) ends[stack.pop()! - base] = trimEndBefore(doc, items[j].numberingStart);
      stack.push(j);
    }
    for (let i = base; i < items.length; i++) {
      items[i].end = Math.max(ends[i - base], items[i].titleStart);
      // A title stops where the next item, nested or not, begins.
      const next = i + 1 < items.length ? items[i + 1].numberingStart : Infinity;
      let titleEnd = Math.min(items[i].titleEnd, items[i].end, next);
      while (titleEnd > items[i].titleStart && /[\s\u3000，,、：:；;]/.test(doc.norm[titleEnd - 1])) titleEnd--;
      items[i].titleEnd = titleEnd;
    }
  }
  return items;
}

function lastNonBlankEnd(doc: ReportDocument, from: number, to: number): number {
  for (let l = to; l >= from; l--) {
    const line = doc.lines[l];
    if (line.text.trim() !== '') return line.start + line.text.trimEnd().length;
  }
  return doc.lines[from].end;
}

function trimEndBefore(doc: ReportDocument, offset: number): number {
  let end = offset;
  while (end > 0 && /\s|\u3000/.test(doc.text[end - 1])) end--;
  return end;
}
