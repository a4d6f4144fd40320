import type { ReportDocument, Line } from './document';
import { LineKind, type ParsedDocument } from './parse';
import { parseChineseInteger } from './numerals';
import type { OutlineNode, Range } from './types';

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

export interface Structure {
  title: { line: number; start: number; end: number; text: string } | null;
  /** Lines repeating the title right after it (pasted twice). */
  titleDuplicates: number[];
  addressee: { line: number; start: number; end: number } | null;
  headings: HeadingLine[];
}

const CN = '[一二三四五六七八九十百零〇两]';
const NUMBERING: { re: RegExp; level: number; style: NumberingStyle }[] = [
  { re: new RegExp(`^(${CN}{1,5})、`), level: 1, style: 'cn-dun' },
  { re: new RegExp(`^(${CN}{1,5})[.．](?![.．\\d])`), level: 1, style: 'cn-dot' },
  { re: new RegExp(`^（(${CN}{1,5})）`), level: 2, style: 'cn-paren-full' },
  { re: new RegExp(`^[（(](${CN}{1,5})[）)]`), level: 2, style: 'cn-paren-half' },
  { re: /^(\d{1,3})\.(?![.\d])/, level: 3, style: 'arabic-dot' },
  { re: /^(\d{1,3})、/, level: 3, style: 'arabic-dun' },
  { re: /^(\d{1,3})．(?![．\d])/, level: 3, style: 'arabic-fullstop' },
  { re: /^（(\d{1,3})）/, level: 4, style: 'arabic-paren-full' },
  { re: /^[（(](\d{1,3})[）)]/, level: 4, style: 'arabic-paren-half' },
  { re: /^([①-⑳])/, level: 4, style: 'circled' },
];

const LEADING = /^[\s\u3000]*(?:[*_]{1,3}(?=\S))?/;
const SENTENCE_END = /[。！？!?]/;

function numberValue(raw: string, style: NumberingStyle): number {
  if (style === 'circled') return raw.charCodeAt(0) - 0x2460 + 1;
  if (/^\d+$/.test(raw)) return Number(raw);
  return parseChineseInteger(raw) ?? 0;
}

/** Finds where a line's text starts: after `#` marks, indentation and an opening `**`. */
function contentStart(line: Line, parsed: ParsedDocument): number {
  const md = parsed.mdHeadings.get(line.index);
  const from = md ? md.contentStart - line.start : 0;
  const lead = parsed.format === 'markdown' ? LEADING.exec(line.norm.slice(from))![0].length : /^[\s\u3000]*/.exec(line.norm.slice(from))![0].length;
  return line.start + from + lead;
}

function titleEndOf(doc: ReportDocument, line: Line, from: number): number {
  const rest = doc.norm.slice(from, line.end);
  const stop = SENTENCE_END.exec(rest);
  let end = stop ? from + stop.index : line.end;
  // Trailing emphasis marks, spaces and a closing colon are not part of a title.
  while (end > from && /[\s\u3000*_#：:]/.test(doc.norm[end - 1])) end--;
  return end;
}

function matchNumbering(line: Line, start: number, doc: ReportDocument) {
  const text = doc.norm.slice(start, line.end);
  for (const n of NUMBERING) {
    const m = n.re.exec(text);
    if (!m) continue;
    const after = text.slice(m[0].length).replace(/^[\s\u3000]+/, '');
    // A numbering with nothing after it, or a date or figure (`1.5万`, `2023年`), is no heading.
    if (after.length === 0) return null;
    return { ...n, raw: m[1], length: m[0].length };
  }
  return null;
}

const TITLE_HINT = /报告$|法治政府建设.{0,12}(情况|工作|总结)$/;

function isCandidateLine(parsed: ParsedDocument, i: number): boolean {
  return parsed.kinds[i] === LineKind.Prose;
}

export function recognizeStructure(doc: ReportDocument, parsed: ParsedDocument): Structure {
  const headings: HeadingLine[] = [];
  let title: Structure['title'] = null;
  const titleDuplicates: number[] = [];
  let addressee: Structure['addressee'] = null;
  let nonBlankSeen = 0;
  let numberedSeen = false;

  for (const line of doc.lines) {
    if (!isCandidateLine(parsed, line.index)) continue;
    const start = contentStart(line, parsed);
    if (start >= line.end) continue;
    const md = parsed.mdHeadings.get(line.index);
    const before = nonBlankSeen;
    nonBlankSeen++;
    const numbering = matchNumbering(line, start, doc);

    if (!numbering && headings.length === 0) {
      const text = doc.norm.slice(start, titleEndOf(doc, line, start));
      if (title && doc.norm.slice(title.start, title.end) === text) {
        titleDuplicates.push(line.index);
        continue;
      }
      // The title: a first `#` heading, or an early line that names the report.
      if (!title && before < 3 && (md || (TITLE_HINT.test(text) && !/[。，,]/.test(text)))) {
        const end = titleEndOf(doc, line, start);
        title = { line: line.index, start, end, text: doc.text.slice(start, end) };
        continue;
      }
      // The addressee: `常州市人民政府：` before any heading.
      if (!addressee && before < 3 && /[：:]\s*$/.test(line.norm) && line.norm.trim().length <= 40 && !/[。，,]/.test(line.norm)) {
        addressee = { line: line.index, start, end: line.end };
        continue;
      }
    }

    if (numbering) {
      numberedSeen = true;
      const titleStart = start + numbering.length + (/^[\s\u3000]*/.exec(doc.norm.slice(start + numbering.length, line.end))![0].length);
      const titleEnd = titleEndOf(doc, line, titleStart);
      headings.push({
        line: line.index,
        level: numbering.level,
        style: numbering.style,
        numbering: doc.text.slice(start, start + numbering.length),
        value: numberValue(numbering.raw, numbering.style),
        numberingStart: start,
        numberingEnd: start + numbering.length,
        titleStart,
        titleEnd,
        title: doc.text.slice(titleStart, titleEnd),
        mdDepth: md?.depth ?? 0,
      });
    } else if (md) {
      // A `#` heading without numbering sits one level below its numbered parent.
      const parent = [...headings].reverse().find((h) => h.style !== 'none');
      const level = numberedSeen && parent ? Math.min(parent.level + 1, 4) : 1;
      const titleEnd = titleEndOf(doc, line, start);
      headings.push({
        line: line.index,
        level,
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
  return { title, titleDuplicates, addressee, headings };
}

/** The last line of a heading's section: the last non-blank line before the next heading at its level or above. */
export function sectionEndLine(doc: ReportDocument, headings: HeadingLine[], index: number, lastLine = doc.lineCount - 1): number {
  const h = headings[index];
  let end = lastLine;
  for (let j = index + 1; j < headings.length; j++) {
    if (headings[j].level <= h.level) {
      end = headings[j].line - 1;
      break;
    }
  }
  while (end > h.line && doc.lines[end].text.trim() === '') end--;
  return end;
}

export function buildOutline(doc: ReportDocument, structure: Structure): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const { headings } = structure;
  if (structure.addressee) {
    const a = structure.addressee;
    const range = doc.range(a.start, a.end);
    roots.push({ kind: 'addressee', level: null, numbering: null, title: doc.text.slice(a.start, a.end).trim(), range, selectionRange: range, children: [] });
  }
  headings.forEach((h, i) => {
    const range: Range = doc.lineRange(h.line, sectionEndLine(doc, headings, i));
    const node: OutlineNode = {
      kind: 'heading',
      level: h.level,
      numbering: h.numbering || null,
      title: h.title,
      range,
      selectionRange: doc.range(h.titleStart, h.titleEnd),
      children: [],
    };
    while (stack.length && (stack[stack.length - 1].level ?? 0) >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  });
  return roots;
}
