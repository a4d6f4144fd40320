// Completion suggestions at a position: the next enumeration (`三是` after
// `二是`), the next heading number at each level, and phrase-bank entries by
// their first characters or pinyin initials, ranked for the part the cursor
// is in. Pure: offsets in, suggestions out.
import { formatChineseInteger } from './numerals';
import { formatNumbering, STANDARD_STYLE } from './numbering';
import { disabledRanges, isDisabled } from './directives';
import { LineKind } from './parse';
import { PHRASES, type Phrase, type PhrasePart } from './phrases';
import type { RuleContext } from './rules/rule';
import type { HeadingLine, ItemMarker } from './structure';

export type SuggestionKind = 'enumeration' | 'heading' | 'phrase';

export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  /** Replaces [replaceStart, replaceEnd) (offsets). */
  insertText: string;
  replaceStart: number;
  replaceEnd: number;
  detail: string;
  documentation?: string;
  /** What the editor filters on. */
  filterText: string;
  sortText: string;
}

const ITEM_START = /(?:^|[。；;：:，,！？!?])[\s\u3000]*((?:第)?[一二三四五六七八九十]{0,3}(?:是)?)$/;
/** The same place with the numeral typed in pinyin (`ershi` for 二是), anywhere a sentence may start. */
const ITEM_START_PINYIN = /(?:^|[。；;：:，,！？!?])[\s\u3000]*([a-z]{1,12})$/i;
const NUMERAL_PINYIN: Record<string, string> = { 一: 'yi', 二: 'er', 三: 'san', 四: 'si', 五: 'wu', 六: 'liu', 七: 'qi', 八: 'ba', 九: 'jiu', 十: 'shi', 是: 'shi', 第: 'di' };

/** `二是` → `ershi`: what a writer types for an enumeration with a pinyin input method off. */
function enumerationPinyin(text: string): string {
  return [...text].map((c) => NUMERAL_PINYIN[c] ?? '').join('');
}
const HEADING_START = /^(?:#{1,6}[ \t])?[\s\u3000]*([（(]?(?:[一二三四五六七八九十百零]{0,4}|\d{0,3})[）)]?)$/;
/** A heading number is typed within this many characters of the line start (`###` and some spaces included). */
const HEADING_START_WITHIN = 40;
/** What completion reads before the cursor: the phrase being typed is never longer (patterns anchored at `$` stay cheap on long lines). */
const TYPED_WITHIN = 24;

/** Which part of the report the offset is in, for ranking phrases. */
function partAt(ctx: RuleContext, offset: number): PhrasePart {
  const { sections, structure, doc } = ctx;
  for (const key of ['nextYear', 'problems', 'firstResponsible'] as const) {
    const s = sections[key];
    if (s && s.asHeading && offset >= s.start && offset <= s.end) return key;
  }
  const firstHeading = structure.headings[0];
  if (!firstHeading || offset < doc.lines[firstHeading.line].start) return 'opening';
  if (offset > doc.lines[Math.max(0, structure.lastContentLine)].end) return 'closing';
  return 'measures';
}

function enumerationSuggestions(ctx: RuleContext, offset: number, lineStart: number, startOnly: boolean, chineseOnly = false): Suggestion[] {
  const before = ctx.doc.norm.slice(lineStart, offset);
  const pinyin = startOnly || chineseOnly ? null : ITEM_START_PINYIN.exec(before);
  const typed = ITEM_START.exec(before) ?? pinyin;
  if (!typed) return [];
  const replaceStart = offset - typed[1].length;
  // After a comma or semicolon, only once the writer has begun a numeral.
  const boundary = before.slice(0, before.length - typed[1].length).trimEnd();
  if (typed[1] === '' && boundary !== '' && !/[。！？!?：:]$/.test(boundary)) return [];
  // Typed in pinyin: the items whose pinyin it begins, filtered on their pinyin.
  if (pinyin && typed === pinyin) {
    const sound = pinyin[1].toLowerCase();
    return enumerationSuggestions(ctx, replaceStart, lineStart, false, true)
      .map((s) => ({ ...s, replaceEnd: offset, filterText: enumerationPinyin(s.insertText) }))
      .filter((s) => s.filterText.startsWith(sound));
  }
  // The items of the body the cursor is in, before the cursor.
  const earlier = ctx.structure.items.filter((it) => it.numberingStart < replaceStart);
  const last = earlier[earlier.length - 1];
  const headingBefore = [...ctx.structure.headings].reverse().find((h) => ctx.doc.lines[h.line].start <= offset);
  if (!last || (headingBefore && headingBefore.line > last.line)) {
    return startOnly ? [] : [enumeration('一是', replaceStart, offset, '开始列举', 0)];
  }
  const out: Suggestion[] = [];
  // The next in the current count, then the next of each enclosing item.
  let item: ItemMarker | undefined = last;
  let rank = 0;
  while (item) {
    const shi = item.numbering.endsWith('是');
    const next = formatChineseInteger(item.value + 1);
    const text = shi ? `${next}是` : `第${next}，`;
    if (!out.some((s) => s.insertText === text)) out.push(enumeration(text, replaceStart, offset, `接续“${item.numbering}”`, rank++));
    item = item.parent >= 0 ? ctx.structure.items[item.parent] : undefined;
  }
  return out;
}

function enumeration(text: string, replaceStart: number, replaceEnd: number, detail: string, rank: number): Suggestion {
  return { kind: 'enumeration', label: text, insertText: text, replaceStart, replaceEnd, detail, filterText: text, sortText: `0${rank}` };
}

function headingSuggestions(ctx: RuleContext, offset: number, lineStart: number, lineIndex: number): Suggestion[] {
  if (offset - lineStart > HEADING_START_WITHIN) return [];
  const typed = HEADING_START.exec(ctx.doc.norm.slice(lineStart, offset));
  if (!typed) return [];
  const replaceStart = offset - typed[1].length;
  const headings = ctx.structure.headings.filter((h) => h.line < lineIndex && h.style !== 'none');
  const example = (level: number) => ctx.structure.headings.find((h) => h.level === level && h.style !== 'none');
  const make = (level: number, value: number, rank: number, why: string): Suggestion => {
    const ex = example(level);
    const text = formatNumbering(value, ex?.style ?? STANDARD_STYLE[level], ex);
    return { kind: 'heading', label: text, insertText: text, replaceStart, replaceEnd: offset, detail: why, filterText: text, sortText: `1${rank}` };
  };
  // The chain of open headings before the cursor, innermost last.
  const chain: HeadingLine[] = [];
  for (const h of headings) {
    while (chain.length && chain[chain.length - 1].level >= h.level) chain.pop();
    chain.push(h);
  }
  const out: Suggestion[] = [];
  let rank = 0;
  const innermost = chain[chain.length - 1];
  if (innermost && innermost.level < 4) out.push(make(innermost.level + 1, 1, rank++, `“${innermost.numbering}”的第一个下级标题`));
  for (let i = chain.length - 1; i >= 0; i--) out.push(make(chain[i].level, chain[i].value + 1, rank++, `接续“${chain[i].numbering}”`));
  if (chain.length === 0) out.push(make(1, 1, rank++, '第一个一级标题'));
  return out;
}

function phraseSuggestions(ctx: RuleContext, offset: number, lineStart: number): Suggestion[] {
  const before = ctx.doc.norm.slice(Math.max(lineStart, offset - TYPED_WITHIN), offset);
  const ascii = /[a-z]{2,}$/i.exec(before);
  const han = /[\u4e00-\u9fff]{2,}$/.exec(before);
  let matches: { phrase: Phrase; start: number; filter: string }[] = [];
  if (ascii) {
    const typed = ascii[0].toLowerCase();
    matches = PHRASES.filter((p) => p.initials.startsWith(typed) || p.pinyin.startsWith(typed)).map((phrase) => ({ phrase, start: offset - typed.length, filter: `${typed}${phrase.pinyin}` }));
  } else if (han) {
    // The longest end of what was typed that opens a phrase.
    for (let k = Math.min(han[0].length, 8); k >= 2 && matches.length === 0; k--) {
      const typed = han[0].slice(-k);
      matches = PHRASES.filter((p) => p.text.startsWith(typed)).map((phrase) => ({ phrase, start: offset - k, filter: phrase.text }));
    }
  }
  if (matches.length === 0) return [];
  const part = partAt(ctx, offset);
  return matches.map(({ phrase, start, filter }, i) => ({
    kind: 'phrase',
    label: phrase.text.length > 24 ? `${phrase.text.slice(0, 24)}…` : phrase.text,
    insertText: phrase.text,
    replaceStart: start,
    replaceEnd: offset,
    detail: `常用表述 · ${phrase.label}`,
    documentation: phrase.text,
    filterText: filter,
    sortText: `${phrase.part === part ? 2 : 3}${String(i).padStart(3, '0')}`,
  }));
}

/** `afterPunctuation`: triggered by typing 。 or ；: only the next item of an open enumeration. */
export function suggestionsAt(ctx: RuleContext, offset: number, afterPunctuation = false): Suggestion[] {
  const { doc, parsed } = ctx;
  const line = doc.lineAt(offset);
  const kind = parsed.kinds[line.index];
  if (kind === LineKind.Code || kind === LineKind.Html || kind === LineKind.Table) return [];
  if (afterPunctuation) return enumerationSuggestions(ctx, offset, line.start, true);
  const out = [...enumerationSuggestions(ctx, offset, line.start, false), ...headingSuggestions(ctx, offset, line.start, line.index)];
  // <!-- fazhi-report-disable --> (every rule) or <!-- fazhi-report-disable completion -->: no phrases.
  if (!isDisabled(disabledRanges(ctx), 'completion', offset)) out.push(...phraseSuggestions(ctx, offset, line.start));
  return out;
}
