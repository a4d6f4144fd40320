// Inserting a required part: a top-level heading numbered for the place the
// 规定's order gives it, and one guiding sentence. Used by the quick fix of
// `required-section` and by the insert-part command; it changes nothing else.
import type { RuleContext, RawEdit } from './rules/rule';
import { formatNumbering, formatNumeral, numeralSpan, STANDARD_STYLE } from './numbering';
import type { HeadingLine } from './structure';
import type { SectionEntry } from './sections';
import type { SectionKey } from './types';

/** The order of the 规定, which the skeleton follows. */
export const REGULATION_ORDER: readonly SectionKey[] = ['measures', 'problems', 'firstResponsible', 'nextYear'];

export interface PartInsertion {
  /** The heading as inserted, e.g. `三、存在的不足和原因`. */
  heading: string;
  /** Insertion only. */
  insert: RawEdit;
  /** The numerals of the top-level headings after it, each one up. */
  renumber: RawEdit[];
}

function topLevelHeadings(ctx: RuleContext): HeadingLine[] {
  const numbered = ctx.structure.headings.filter((h) => h.style !== 'none');
  if (numbered.length === 0) return [];
  const top = Math.min(...numbered.map((h) => h.level));
  return numbered.filter((h) => h.level === top);
}

/** The line the new part goes before; null for the end of the body. */
function insertionLine(ctx: RuleContext, key: SectionKey): number | null {
  const { sections } = ctx;
  const top = topLevelHeadings(ctx);
  const isTopHeading = (line: number) => top.some((h) => h.line === line);
  const order = REGULATION_ORDER.indexOf(key);
  // Before the nearest later part that opens with a top-level heading…
  for (const later of REGULATION_ORDER.slice(order + 1)) {
    const s = sections[later];
    if (s && (s.form === 'heading' || s.form === 'spread') && isTopHeading(s.startLine)) return s.startLine;
  }
  // …else after the nearest earlier part, before the next top-level heading…
  for (const earlier of [...REGULATION_ORDER.slice(0, order)].reverse()) {
    const s = sections[earlier];
    if (!s || s.form === 'sentence' || s.form === 'item') continue;
    const next = top.find((h) => h.line > s.endLine);
    return next ? next.line : null;
  }
  // …else at the end of the body, before the signature.
  return null;
}

export function partInsertion(ctx: RuleContext, entry: SectionEntry): PartInsertion {
  const { doc } = ctx;
  const top = topLevelHeadings(ctx);
  const line = insertionLine(ctx, entry.key);
  const before = top.filter((h) => line === null || h.line < line);
  const after = top.filter((h) => line !== null && h.line >= line);
  const example = before[before.length - 1] ?? after[0];
  const style = example?.style ?? STANDARD_STYLE[1];
  const value = (before[before.length - 1]?.value ?? 0) + 1;
  const numbering = formatNumbering(value, style, example);
  const year = ctx.year.year;
  const title = entry.skeleton.replace('YYYY年度', year !== null ? `${year + 1}年度` : '下一年度');
  const heading = numbering + title;
  const hashes = example && example.mdDepth > 0 ? '#'.repeat(example.mdDepth) + ' ' : '';

  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const blankLines = doc.lines.filter((l) => l.text.trim() === '').length * 3 >= doc.lineCount;
  const gap = blankLines ? eol : '';
  const part = `${hashes}${heading}${eol}${gap}${entry.guide}`;

  let at: number;
  let text: string;
  if (line !== null) {
    // Before a heading: the part, then the gap the document keeps between paragraphs.
    at = doc.lines[line].start;
    text = part + eol + gap;
  } else {
    // At the end of the body: after the last content line, keeping what follows (the signature) in place.
    const last = doc.lines[Math.max(0, Math.min(ctx.structure.lastContentLine, doc.lineCount - 1))];
    const next = doc.lines[last.index + 1];
    if (next) {
      at = next.start;
      text = gap + part + eol;
    } else {
      at = last.end;
      text = eol + gap + part;
    }
  }
  const renumber: RawEdit[] = [];
  after.forEach((h, i) => {
    const want = value + 1 + i;
    const span = numeralSpan(h);
    if (span && h.value !== want) renumber.push({ start: span.start, end: span.end, newText: formatNumeral(want, h.style) });
  });
  return { heading, insert: { start: at, end: at, newText: text }, renumber };
}

/**
 * The whole report as a snippet: title with the year, addressee, the four
 * parts in the 规定's order with one guiding sentence each, signature and
 * date; tab stops where the writer must fill in.
 */
export function reportSkeleton(catalogue: SectionEntry[], reportYear: number): string {
  const entry = (key: SectionKey) => catalogue.find((e) => e.key === key)!;
  const escape = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const lines = [
    `\${1:某区}人民政府关于${reportYear}年度法治政府建设情况的报告`,
    '',
    '${2:市人民政府}：',
    '',
    `${reportYear}年，\${1}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，\${3:扎实推进法治政府建设各项工作}。现将有关情况报告如下：`,
    '',
  ];
  let stop = 4;
  REGULATION_ORDER.forEach((key, i) => {
    const e = entry(key);
    lines.push(`${formatNumbering(i + 1, 'cn-dun')}${e.skeleton.replace('YYYY年度', `${reportYear + 1}年度`)}`, '', `\${${stop++}:${escape(e.guide)}}`, '');
  });
  lines.push('${1}人民政府', '', `\${${stop}:${reportYear + 1}年3月1日}`, '');
  return lines.join('\n');
}

/** The snippet with its tab stops resolved to their default text, as a writer gets it by pressing Tab through. */
export function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  let text = snippet;
  // Placeholders with defaults first, then bare references to them.
  for (let guard = 0; guard < 100 && /\$\{\d+:/.test(text); guard++) {
    text = text.replace(/\$\{(\d+):((?:\\.|[^\\{}$])*)\}/g, (_m, n: string, value: string) => {
      const plain = value.replace(/\\(.)/g, '$1');
      defaults.set(n, plain);
      return plain;
    });
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string, b: string) => defaults.get(a ?? b) ?? '');
}
