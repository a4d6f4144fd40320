// What the style rules share: character classes of Chinese prose, the lines
// they read, spans they never touch (URLs, e-mail addresses), and text written
// back in the document's own script.
import type { Line, ReportDocument } from '../document';
import { toSimplified } from '../normalize';
import { LineKind, inLiteralText } from '../parse';
import type { RuleContext } from './rule';

/** A flag per UTF-16 code unit for the given characters: one array read per character of a line. */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

export function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** A Han character at `i` of `s` (false outside the string). */
export function hanAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isHan(s.charCodeAt(i));
}

// Full-width punctuation of Chinese prose: a half-width mark next to one of these is in Chinese text.
const WIDE_MARKS = new Set('，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·');

export function isWideMark(c: number): boolean {
  return WIDE_MARKS.has(String.fromCharCode(c));
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A letter of English, pinyin (`guó`, `wǎng`) or another Latin-script language. */
export function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/** Space, tab, no-break space and the ideographic space. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/**
 * The report's own prose lines: from the title (lines above it are the web
 * page's header) to the last line of the body (the signature and the page's
 * footer come after), without code, HTML, tables or rules.
 */
export function proseLines({ doc, parsed, structure }: RuleContext): Line[] {
  const from = structure.title ? structure.title.line : 0;
  const lines: Line[] = [];
  for (let l = from; l <= structure.lastContentLine && l < doc.lineCount; l++) {
    const kind = parsed.kinds[l];
    if (kind === LineKind.Prose || kind === LineKind.Quote) lines.push(doc.lines[l]);
  }
  return lines;
}

/** Whether the offset is literal text (not Markdown syntax, inline code or a link target). */
export function isLiteral(ctx: RuleContext, offset: number): boolean {
  return inLiteralText(ctx.parsed, offset);
}

const URL_STOP = /[\s<>"'“”‘’，。；：！？、（）《》【】]/;
// Punctuation that ends a sentence after an address is the sentence's, not the address's.
const TRAILING = /[,.;:!?)\]]/;
const SCHEME_CHAR = /[A-Za-z]/;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/**
 * [start, end) pairs, relative to the text, of URLs (`https://…`, `www.…`) and
 * e-mail addresses: their punctuation belongs to them. Each character is read
 * a bounded number of times: a trigger inside a span already found is skipped.
 */
export function addressSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return spans;
  let covered = 0;
  const extendRight = (from: number) => {
    let end = from;
    while (end < text.length && !URL_STOP.test(text[end]) && !isHan(text.charCodeAt(end))) end++;
    while (end > from && TRAILING.test(text[end - 1])) end--;
    return end;
  };
  for (let i = 0; i < text.length; i++) {
    if (i < covered) continue;
    if (text.startsWith('://', i)) {
      let start = i;
      while (start > Math.max(covered, i - 10) && SCHEME_CHAR.test(text[start - 1])) start--;
      if (start === i) continue;
      const end = extendRight(i + 3);
      spans.push([start, end]);
      covered = end;
      i = end - 1;
    } else if (text.startsWith('www.', i) && (i === 0 || !/[A-Za-z0-9.]/.test(text[i - 1]))) {
      const end = extendRight(i);
      spans.push([i, end]);
      covered = end;
      i = end - 1;
    } else if (text[i] === '@') {
      let start = i;
      while (start > covered && EMAIL_LOCAL.test(text[start - 1])) start--;
      let end = i + 1;
      while (end < text.length && EMAIL_DOMAIN.test(text[end])) end++;
      if (start < i && text.slice(i + 1, end).includes('.')) {
        spans.push([start, end]);
        covered = end;
        i = end - 1;
      }
    }
  }
  return spans;
}

/** Asks whether positions, in increasing order, lie in sorted spans: each span is passed once. */
export class SpanCursor {
  private k = 0;
  constructor(private readonly spans: readonly (readonly [number, number])[]) {}
  has(i: number): boolean {
    while (this.k < this.spans.length && this.spans[this.k][1] <= i) this.k++;
    return this.k < this.spans.length && this.spans[this.k][0] <= i;
  }
}

/** [start, end) pairs, relative to the text, of 《…》 titles (at most `max` characters inside). */
export function bookTitleSpans(text: string, max = 80): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') open = i;
    else if (c === '》' && open >= 0) {
      if (i - open - 1 <= max) spans.push([open, i + 1]);
      open = -1;
    }
  }
  return spans;
}

const scriptCache = new WeakMap<ReportDocument, Map<string, string>>();
let simplifiedOnly: Set<number> | undefined;

/** Whether a Simplified character is written differently in Traditional text (规 → 規; 治, 年 and 例 are the same). */
function hasTraditionalForm(c: number): boolean {
  if (!simplifiedOnly) {
    // Every CJK character through the conversion table once: the targets it reaches from another character.
    let all = '';
    for (let k = 0x3400; k <= 0x9fff; k++) all += String.fromCharCode(k);
    const simplified = toSimplified(all);
    simplifiedOnly = new Set<number>();
    for (let k = 0; k < all.length; k++) if (simplified.charCodeAt(k) !== all.charCodeAt(k)) simplifiedOnly.add(simplified.charCodeAt(k));
  }
  return simplifiedOnly.has(c);
}

/**
 * A simplified text written in the document's script, character by character:
 * each character as the document itself writes it (`规` → `規` in a Traditional
 * report), or as it is when both scripts write it alike (`治`). Null when a
 * character's form cannot be told (it never occurs in the document and has a
 * Traditional form), so that no fix inserts a Simplified character into a
 * Traditional text.
 */
export function inDocumentScript(doc: ReportDocument, simplified: string): string | null {
  if (doc.text === doc.norm) return simplified;
  let forms = scriptCache.get(doc);
  if (!forms) {
    forms = new Map();
    const counts = new Map<string, Map<string, number>>();
    for (let i = 0; i < doc.text.length; i++) {
      const s = doc.norm[i];
      if (!isHan(s.charCodeAt(0))) continue;
      let byForm = counts.get(s);
      if (!byForm) counts.set(s, (byForm = new Map()));
      byForm.set(doc.text[i], (byForm.get(doc.text[i]) ?? 0) + 1);
    }
    for (const [s, byForm] of counts) forms.set(s, [...byForm.entries()].sort((a, b) => b[1] - a[1])[0][0]);
    scriptCache.set(doc, forms);
  }
  let out = '';
  for (const ch of simplified) {
    if (!isHan(ch.charCodeAt(0))) {
      out += ch;
      continue;
    }
    const form = forms.get(ch);
    if (form !== undefined) out += form;
    else if (!hasTraditionalForm(ch.charCodeAt(0))) out += ch;
    else return null;
  }
  return out;
}

/** The text around a span, for messages: a few characters each side, on one line. */
export function excerpt(doc: ReportDocument, start: number, end: number, around = 4): string {
  // The analysis line, not the physical one: a run-in heading splits a physical line in two.
  const line = doc.lineAt(start);
  return doc.text.slice(Math.max(line.start, start - around), Math.min(line.end, end + around)).trim();
}

/** Where the run of ASCII digits ending at `end` starts (at most `max` digits are read). */
export function digitsBack(text: string, end: number, max = 12): number {
  let s = end;
  while (s > 0 && end - s < max && isDigit(text.charCodeAt(s - 1))) s--;
  return s;
}

/** Where the run of ASCII digits starting at `start` ends (at most `max` digits are read). */
export function digitsForward(text: string, start: number, max = 12): number {
  let e = start;
  while (e < text.length && e - start < max && isDigit(text.charCodeAt(e))) e++;
  return e;
}

// Text damaged on its way from a web page: the replacement character, box-drawing and block
// characters left by a wrong encoding, HTML tags and entities left in the text.
const DAMAGE = /\uFFFD|[\u2500-\u259F]|&?(?:[lr]dquo|[lr]squo|nbsp|quot|amp);|<\/?(?:span|p|div|br|font|strong|b)\b|\/(?:span|p|div|font|strong)>/;

/** Whether a paragraph shows characters lost or garbled in conversion: its pairs and marks cannot be judged. */
export function looksDamaged(text: string): boolean {
  return DAMAGE.test(text);
}
