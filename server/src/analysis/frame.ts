// The frame around the report's body: the page furniture a web copy carries,
// the title (with the issuing unit's line above it when split), the addressee,
// and at the end the signature (落款) and date (成文日期). Lines before the body
// are read by position: whatever precedes the title is page furniture, and the
// title is the last line naming the report before the body begins.
import furnitureData from './data/furniture.json';
import type { Line, ReportDocument } from './document';
import { LineKind, type ParsedDocument } from './parse';
import { parseChineseDigits, parseChineseInteger } from './numerals';

export interface Title {
  /** The line the title ends on, and the first line (the unit's line of a split title). */
  line: number;
  firstLine: number;
  start: number;
  end: number;
  text: string;
}

export interface Signature {
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  text: string;
  /** The unit signing (落款), when a line names one. */
  unit: { start: number; end: number; text: string } | null;
  /** The date (成文日期), when the last line is one. */
  date: DateLine | null;
}

export interface DateLine {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** Written with Chinese numerals (二〇二四年三月六日). */
  chinese: boolean;
  /** A month or day written with a leading zero (03月06日). */
  leadingZero: boolean;
}

export interface Frame {
  title: Title | null;
  /** Lines repeating the title right after it (pasted twice). */
  titleDuplicates: number[];
  addressee: { line: number; start: number; end: number } | null;
  /** The first line of the body: the opening paragraph or the first heading. */
  bodyStartLine: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const LEAD = '^[\\s\\u3000•·\\-*|｜]*';
const WIDGET = new RegExp(`${LEAD}(?:${alternatives(furnitureData.widgets)})(?:[\\s\\u3000:：|｜】]|$)`);
const LABEL = new RegExp(`${LEAD}[\\[【]?[\\s\\u3000]*(?:${alternatives(furnitureData.labels)})[\\s\\u3000]*(?:[\\]】][\\s\\u3000]*)?[:：|｜\\]】]`);
const BRACKET_LABEL = /[[【][\s\u3000]*[\u4e00-\u9fa5]{2,8}[\s\u3000]*[\]】]/;
const BREADCRUMB_START = new RegExp(`${LEAD}(?:${alternatives(furnitureData.breadcrumbs)})[\\s\\u3000]*(?:[:：>＞»]|$)`);
const BREADCRUMB = /[^\s>＞»][\s\u3000]*[>＞»][\s\u3000]*[^\s>＞»]/;
const FOOTER = new RegExp(alternatives(furnitureData.footer));
const SENTENCE_PUNCTUATION = /[。！？!?]/;
const MAX_FURNITURE_LINE = 300;
const CLAUSE_PUNCTUATION = /[，,；;]/;

/**
 * A line of a web page's furniture, by its form alone: a breadcrumb trail, a
 * metadata row (`[ 索引号 ]`, `发布时间：`, a table row), a widget (`打印`, `分享`),
 * a footer. Never a line with a sentence in it.
 */
export function isFurnitureText(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  // Furniture is short; a long line is text (and the patterns below only ever read short lines).
  if (t.length > MAX_FURNITURE_LINE) return false;
  if (SENTENCE_PUNCTUATION.test(t)) return false;
  if (BREADCRUMB_START.test(t) || (t.length <= 120 && BREADCRUMB.test(t))) return true;
  if (LABEL.test(t) || BRACKET_LABEL.test(t)) return true;
  if (/^[|｜]/.test(t) || /[|｜].*[|｜]/.test(t) || /^[|｜\-•·\s]+$/.test(t)) return true;
  if (t.length <= 24 && WIDGET.test(t)) return true;
  return t.length <= 120 && FOOTER.test(t);
}

const ORGANISATION = /(政府|委员会|管委会|办公室|领导小组|局|厅|委|办|院|署|中心|部|所|公司|街道|园区|开发区|高新区|乡|镇)[\s\u3000]*$/;

export { trimTrailingMarks };

export function isOrganisationLine(line: Line): boolean {
  const text = line.norm.trim();
  return text.length > 0 && text.length <= 30 && !/[。，,；;：:！？]/.test(text) && ORGANISATION.test(text) && !isFurnitureText(text);
}

const NUMBER = '(?:(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})';
const DATE_LINE = new RegExp(`^[\\s\\u3000]*[（(]?(${NUMBER})[\\s\\u3000]*年[\\s\\u3000]*(\\d{1,2}|[一二三四五六七八九十]{1,3})[\\s\\u3000]*月[\\s\\u3000]*(\\d{1,2}|[一二三四五六七八九十]{1,3})[\\s\\u3000]*日[）)]?[\\s\\u3000]*$`);

/** A line that is a date and nothing else (成文日期), with how it is written. */
export function parseDateLine(line: Line): DateLine | null {
  const m = DATE_LINE.exec(line.norm);
  if (!m) return null;
  const num = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : raw.length === 4 ? parseChineseDigits(raw) : parseChineseInteger(raw));
  const year = num(m[1]);
  const month = num(m[2]);
  const day = num(m[3]);
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const lead = /^[\s\u3000]*/.exec(line.norm)![0].length;
  return {
    start: line.start + lead,
    end: line.start + line.norm.trimEnd().length,
    year,
    month,
    day,
    chinese: !/^\d/.test(m[1]) || !/^\d/.test(m[2]) || !/^\d/.test(m[3]),
    leadingZero: /^0\d$/.test(m[2]) || /^0\d$/.test(m[3]),
  };
}

// ---------------------------------------------------------------------------
// The title

/** Words that make a line the title of this kind of report (法治政府建设, 依法行政, and the older 法制). */
const SUBJECT = /法治|依法行政|法制/;
const TITLE_END = /(?:报告|总结|汇报)$/;
const SUBJECT_TITLE_END = /(?:报告|总结|汇报|情况|工作)$/;
const LABEL_PREFIX = /^(?:名[\s\u3000]*称|标[\s\u3000]*题|题[\s\u3000]*目|文件名称)[\s\u3000]*[:：][\s\u3000]*/;
const FILE_EXTENSION = /\.(?:docx?|wps|pdf|txt|html?)$/i;
/** After `…报告`, the issuing unit or a date on the same line is page metadata (`…报告 上海市统计局 2020-06-08`): the text up to 报告. */
function withoutTrailingMeta(text: string): string {
  const m = /(?:报告|总结)[\s\u3000]/.exec(text);
  if (!m) return text;
  const end = m.index + 2;
  const words = text.slice(end).split(/[\s\u3000]+/).filter(Boolean);
  const meta = words.every((w) => (/^[\u4e00-\u9fa5]{2,30}$/.test(w) && !SUBJECT.test(w)) || /^[\d\-/:年月日.]{4,20}$/.test(w));
  return meta ? text.slice(0, end) : text;
}

/** The text without trailing spaces and Markdown marks (a loop: a pattern anchored at the end would rescan every run). */
function trimTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s\u3000*_#]/.test(text[end - 1])) end--;
  return text.slice(0, end);
}
const NOT_IN_TITLE = /[。！？!?，,；;：:|｜>＞»[\]【】]/;

/** The part of a line that would be the title, as offsets into the line, or null. */
function titleSpan(norm: string): { from: number; to: number } | null {
  let from = /^[\s\u3000*_#]*/.exec(norm)![0].length;
  const label = LABEL_PREFIX.exec(norm.slice(from));
  if (label) from += label[0].length;
  let text = trimTrailingMarks(norm.slice(from));
  text = withoutTrailingMeta(text.replace(FILE_EXTENSION, ''));
  if (text.length < 6 || text.length > 60 || NOT_IN_TITLE.test(text) || isFurnitureText(text)) return null;
  const names = SUBJECT.test(text) ? SUBJECT_TITLE_END.test(text) : TITLE_END.test(text) && text.length >= 10;
  return names ? { from, to: from + text.length } : null;
}

const METADATA_TITLE = /(?:标[\s\u3000]*题|名[\s\u3000]*称|文件名称)[\s\u3000]*[:：][\s\u3000]*([^|｜\]】]{6,80})/;

/** A metadata row naming the title (`| 标 题：…报告 |`): the value's span in the line, if it is a title. */
function metadataTitleSpan(norm: string): { from: number; to: number } | null {
  if (norm.length > MAX_FURNITURE_LINE) return null;
  const m = METADATA_TITLE.exec(norm);
  if (!m) return null;
  const at = m.index + m[0].length - m[1].length;
  const span = titleSpan(m[1]);
  return span ? { from: at + span.from, to: at + span.to } : null;
}

/** The first part of a title broken over two lines (`关于2023年度法治政府建设` / `情况的报告`). */
function titleHead(norm: string): boolean {
  const t = norm.trim();
  return t.length >= 4 && t.length <= 40 && !NOT_IN_TITLE.test(t) && (SUBJECT.test(t) || /^关于/.test(t)) && !isFurnitureText(t);
}

function titleTail(norm: string): boolean {
  const t = norm.trim();
  return t.length >= 2 && t.length <= 24 && !NOT_IN_TITLE.test(t) && TITLE_END.test(t);
}

/** A line that begins the body: a sentence (the opening) rather than a heading-like or furniture line. */
function isSentenceLine(norm: string): boolean {
  const t = norm.trim();
  if (isFurnitureText(t)) return false;
  return (SENTENCE_PUNCTUATION.test(t) && t.length >= 15) || (CLAUSE_PUNCTUATION.test(t) && t.length >= 40);
}

const JOINS_UNIT = /^(?:关于|(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})/;

/**
 * The frame before the body. `opensBody(line)` says whether a line is a
 * numbered heading (the body's first heading); the caller knows the numbering.
 */
export function recognizeFrame(doc: ReportDocument, parsed: ParsedDocument, opensBody: (line: Line) => boolean): Frame {
  let body = doc.lineCount;
  const candidates: { first: number; last: number; start: number; end: number }[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const line = doc.lines[i];
    const kind = parsed.kinds[line.index];
    if (line.norm.trim() === '') continue;
    if (kind !== LineKind.Prose) {
      // Code, quotes and Markdown tables belong to the body; an HTML block or a rule is furniture.
      if (kind === LineKind.Html || kind === LineKind.Rule) continue;
      if (kind === LineKind.Table) continue;
      body = i;
      break;
    }
    if (opensBody(line)) {
      body = i;
      break;
    }
    const span = titleSpan(line.norm) ?? metadataTitleSpan(line.norm);
    if (span) {
      candidates.push({ first: i, last: i, start: line.start + span.from, end: line.start + span.to });
      continue;
    }
    if (parsed.mdHeadings.has(i) && candidates.length > 0) {
      body = i;
      break;
    }
    if (titleHead(line.norm)) {
      const next = nextNonBlank(doc, i + 1, 1);
      if (next >= 0 && titleTail(doc.lines[next].norm)) {
        const lead = /^[\s\u3000*_#]*/.exec(line.norm)![0].length;
        candidates.push({ first: i, last: next, start: line.start + lead, end: doc.lines[next].start + doc.lines[next].norm.trimEnd().length });
        i = next;
        continue;
      }
    }
    if (parsed.mdHeadings.has(i) && candidates.length === 0 && firstNonBlank(doc) === i) {
      // A first `#` heading is the title whatever it says.
      const md = parsed.mdHeadings.get(i)!;
      const from = md.contentStart;
      candidates.push({ first: i, last: i, start: from, end: from + trimTrailingMarks(doc.norm.slice(from, line.end)).length });
      continue;
    }
    if (isSentenceLine(line.norm)) {
      body = i;
      break;
    }
  }

  let title: Title | null = null;
  let chosen = candidates[candidates.length - 1];
  const bare = (c: (typeof candidates)[number]) => doc.norm.slice(c.start, c.end).replace(/[\s\u3000]+/g, '');
  if (chosen) {
    // The same title pasted twice: the first is the title, the others its copies.
    const same = candidates.find((c) => bare(c) === bare(chosen!));
    if (same) chosen = same;
    // A page title naming the unit before the report's own (`某局2023年…报告` above `2023年…报告`): the fuller one.
    const own = bare(chosen);
    const fuller = candidates.find((c) => c !== chosen && bare(c).length > own.length && bare(c).endsWith(own));
    if (fuller && JOINS_UNIT.test(own)) chosen = fuller;
  }
  if (chosen) {
    let { first, start } = chosen;
    const text = doc.norm.slice(start, chosen.end);
    const unit = previousNonBlank(doc, first - 1, 2);
    if (JOINS_UNIT.test(text) && unit >= 0 && isOrganisationLine(doc.lines[unit]) && !candidates.some((c) => c.last === unit)) {
      first = unit;
      start = doc.lines[unit].start + /^[\s\u3000*_#]*/.exec(doc.lines[unit].norm)![0].length;
    }
    title = { line: chosen.last, firstLine: first, start, end: chosen.end, text: doc.text.slice(start, chosen.end) };
  }

  // Between the title and the body: copies of the title, the addressee, furniture.
  const titleDuplicates: number[] = [];
  let addressee: Frame['addressee'] = null;
  const titleKey = title ? doc.norm.slice(title.start, title.end).replace(/[\s\u3000]+/g, '') : null;
  // A short opening (`根据…，现将…报告如下：`) is text too, though it passed for no sentence while titles were sought.
  let opening = -1;
  for (let i = title ? title.line + 1 : 0; i < body; i++) {
    const line = doc.lines[i];
    const t = line.norm.trim();
    if (t === '') continue;
    const span = titleSpan(line.norm);
    if (titleKey && span && line.norm.slice(span.from, span.to).replace(/[\s\u3000]+/g, '') === titleKey) titleDuplicates.push(i);
    else if (!addressee && /[：:][\s\u3000]*$/.test(t) && t.length <= 40 && !/[。，,]/.test(t) && !isFurnitureText(t)) {
      const lead = line.norm.length - line.norm.trimStart().length;
      addressee = { line: i, start: line.start + lead, end: line.start + line.text.trimEnd().length };
    } else if (opening < 0 && !span && t.length >= 10 && (SENTENCE_PUNCTUATION.test(t) || CLAUSE_PUNCTUATION.test(t)) && !isFurnitureText(t)) opening = i;
  }
  if (opening >= 0) body = opening;
  // An addressee may also open the body's first line group when the body starts right after it.
  if (!addressee && body < doc.lineCount) {
    const line = doc.lines[body];
    const t = line.norm.trim();
    if (/[：:][\s\u3000]*$/.test(t) && t.length <= 40 && !/[。，,]/.test(t)) {
      const lead = line.norm.length - line.norm.trimStart().length;
      addressee = { line: body, start: line.start + lead, end: line.start + line.text.trimEnd().length };
      body = nextContentLine(doc, body + 1);
    }
  }
  return { title, titleDuplicates, addressee, bodyStartLine: body };
}

function firstNonBlank(doc: ReportDocument): number {
  return doc.lines.findIndex((l) => l.norm.trim() !== '');
}

function nextNonBlank(doc: ReportDocument, from: number, maxBlank: number): number {
  for (let i = from, blanks = 0; i < doc.lineCount; i++) {
    if (doc.lines[i].norm.trim() !== '') return i;
    if (++blanks > maxBlank) return -1;
  }
  return -1;
}

function previousNonBlank(doc: ReportDocument, from: number, maxBlank: number): number {
  for (let i = from, blanks = 0; i >= 0; i--) {
    if (doc.lines[i].norm.trim() !== '') return i;
    if (++blanks > maxBlank) return -1;
  }
  return -1;
}

function nextContentLine(doc: ReportDocument, from: number): number {
  let i = from;
  while (i < doc.lineCount && doc.lines[i].norm.trim() === '') i++;
  return i;
}

// ---------------------------------------------------------------------------
// A title run into the first line (a page copied without line breaks)

const RUN_IN_TITLE_END = /(?:报告|总结)(?!如下|的通知|工作的通知)/g;
const TITLE_CHAR = /[\u4e00-\u9fa5\d《》“”（）()〔〕、]/;
const RUN_IN_OPENING = /^(?:(?:19|20)\d{2}[\s\u3000]?年|[一二〇零]{4}年|一年来|今年以来|近年来|近一年来|根据|按照|为|在)/;

/** Brackets and quotes closed within the name (`《…》`, `“…”`, `（…）`). */
function balanced(name: string): boolean {
  const pairs: [string, string][] = [['《', '》'], ['“', '”'], ['（', '）'], ['(', ')'], ['〔', '〕']];
  return pairs.every(([open, close]) => name.split(open).length === name.split(close).length);
}

/** The title is looked for this far into the first line. */
const RUN_IN_TITLE_WINDOW = 160;

/**
 * Where a title run into the body's first line begins and ends
 * (`…www.example.com湖北省人民政府关于2023年度法治政府建设情况的报告2023年，省政府…`):
 * the report's name, followed by the opening without a break. Offsets for `splitAt`.
 */
export function findRunInTitle(doc: ReportDocument): number[] {
  // The first long line, behind at most a few short ones (a file name, a site's name).
  let first: Line | undefined;
  let seen = 0;
  for (const l of doc.physical) {
    if (l.norm.trim() === '') continue;
    if (l.end - l.start >= 100) {
      first = l;
      break;
    }
    if (++seen >= 3) return [];
  }
  if (!first) return [];
  const line = first;
  const window = line.norm.slice(0, RUN_IN_TITLE_WINDOW);
  RUN_IN_TITLE_END.lastIndex = 0;
  for (let m = RUN_IN_TITLE_END.exec(window); m; m = RUN_IN_TITLE_END.exec(window)) {
    const end = m.index + m[0].length;
    // The name runs back over title characters (and single spaces between them) to where the page's own text stops.
    let start = m.index;
    while (start > 0 && end - start < 60 && (TITLE_CHAR.test(window[start - 1]) || (window[start - 1] === ' ' && start > 1 && TITLE_CHAR.test(window[start - 2])))) start--;
    const name = window.slice(start, end);
    const after = line.norm.slice(end, end + 12).replace(/^[\s\u3000]+/, '');
    if (name.replace(/\s/g, '').length < 8 || !SUBJECT.test(name) || /(?:现将|特将|^将|^根据|^按照|^为)/.test(name) || !balanced(name)) continue;
    if (/[。！？!?，,；;：:]/.test(window.slice(0, start))) return [];
    // The opening follows at once, as openings begin: a year, `一年来`, `根据…`.
    if (!RUN_IN_OPENING.test(after)) continue;
    return [line.start + start, line.start + end].filter((at) => at > line.start && at < line.end);
  }
  return [];
}

// ---------------------------------------------------------------------------
// The ending: furniture at the bottom, the signature and its date

/** A line of the ending's short-line run: a signature, a date or the page's furniture, never a sentence. */
const ENDING_LINE_MAX = 40;

/**
 * Finds the trailing web-page furniture, then the signature and date above it.
 * The report ends where a run of short lines without a sentence begins to hold
 * the page's furniture, or at a date (成文日期) in that run: whatever follows
 * is the page's, whatever it says (`0人觉得有用`, `无`).
 */
export function findEnding(doc: ReportDocument, parsed: ParsedDocument, afterLine: number): { signature: Signature | null; lastContentLine: number } {
  const isBlank = (i: number) => doc.lines[i].text.trim() === '';
  const proseOrBlank = (i: number) => parsed.kinds[i] === LineKind.Prose || isBlank(i);
  let last = doc.lineCount - 1;
  while (last > afterLine && isBlank(last)) last--;
  let runStart = last + 1;
  while (runStart - 1 > afterLine) {
    const i = runStart - 1;
    const t = doc.lines[i].norm.trim();
    if (!proseOrBlank(i) || SENTENCE_PUNCTUATION.test(t) || t.length > ENDING_LINE_MAX) break;
    runStart = i;
  }
  for (let i = runStart; i <= last; i++) {
    if (isBlank(i)) continue;
    if (parseDateLine(doc.lines[i])) {
      last = i;
      break;
    }
    if (isFurnitureText(doc.lines[i].norm)) {
      last = i - 1;
      break;
    }
  }
  while (last > afterLine && proseOrBlank(last) && isFurnitureText(doc.lines[last].norm)) last--;
  const prevNonBlank = (i: number) => {
    while (i > afterLine && isBlank(i)) i--;
    return i;
  };
  let first = -1;
  let end = -1;
  let date: DateLine | null = null;
  let unit: Signature['unit'] = null;
  const unitOf = (i: number) => {
    const l = doc.lines[i];
    const lead = l.norm.length - l.norm.trimStart().length;
    return { start: l.start + lead, end: l.start + l.norm.trimEnd().length, text: l.text.trim() };
  };
  if (last > afterLine && (date = parseDateLine(doc.lines[last]))) {
    end = last;
    first = last;
    const org = prevNonBlank(last - 1);
    if (org > afterLine && isOrganisationLine(doc.lines[org])) {
      first = org;
      unit = unitOf(org);
      // Two units signing together (联合落款) stand on two lines.
      const second = prevNonBlank(org - 1);
      if (second > afterLine && second === org - 1 && isOrganisationLine(doc.lines[second])) first = second;
    }
  } else if (last > afterLine && isOrganisationLine(doc.lines[last])) {
    first = end = last;
    unit = unitOf(last);
  }
  if (first < 0) return { signature: null, lastContentLine: last };
  const start = doc.lines[first].start + /^\s*/.exec(doc.lines[first].text)![0].length;
  const stop = doc.lines[end].start + doc.lines[end].text.trimEnd().length;
  const text = doc.lines
    .slice(first, end + 1)
    .map((l) => l.text.trim())
    .filter(Boolean)
    .join(' ');
  return { signature: { firstLine: first, lastLine: end, start, end: stop, text, unit, date }, lastContentLine: prevNonBlank(first - 1) };
}
