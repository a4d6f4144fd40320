// Inserting a required part: a top-level heading numbered for the place the
// 规定's order gives it, and one guiding sentence. Used by the quick fix of
// `required-section` and by the insert-part command; it changes nothing else.
import type { RuleContext, RawEdit } from './rules/rule';
import { formatNumbering, formatNumeral, numeralSpan, STANDARD_STYLE } from './numbering';
import { topLevel, type HeadingLine } from './structure';
import type { SectionEntry } from './sections';
import type { SectionKey } from './types';
import { inScriptOf } from './normalize';

/** The order of the 规定, which the skeleton follows. */
export const REGULATION_ORDER: readonly SectionKey[] = ['measures', 'problems', 'firstResponsible', 'nextYear'];
/** The checklist a writer and a reviewer see: the four required parts, then the optional fifth. */
export const CHECKLIST_ORDER: readonly SectionKey[] = [...REGULATION_ORDER, 'other'];

export interface PartInsertion {
  /** The heading as inserted, e.g. `三、存在的不足和原因`. */
  heading: string;
  /** Insertion only. */
  insert: RawEdit;
  /** The numerals of the top-level headings after it, each one up. */
  renumber: RawEdit[];
  /** Where the writer goes on: the new part's guiding sentence, as an offset into `insert.newText`. */
  cursor: number;
}

function topLevelHeadings(ctx: RuleContext): HeadingLine[] {
  const numbered = ctx.structure.headings.filter((h) => h.style !== 'none');
  const top = topLevel(numbered);
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
  const hashes = example && example.mdDepth > 0 ? '#'.repeat(example.mdDepth) + ' ' : '';

  const eol = doc.text.includes('\r\n') ? '\r\n' : doc.text.includes('\r') && !doc.text.includes('\n') ? '\r' : '\n';
  const blankLines = doc.lines.filter((l) => l.text.trim() === '').length * 3 >= doc.lineCount;
  const gap = blankLines ? eol : '';
  // A Traditional report gets the part in its own script.
  const written = (s: string) => inScriptOf(doc.text, doc.norm, s);
  const writtenTitle = written(entry.skeleton).replace('YYYY年度', year !== null ? `${year + 1}年度` : written('下一年度'));
  const heading = numbering + writtenTitle;
  const part = `${hashes}${numbering}${writtenTitle}${eol}${gap}${written(entry.guide)}`;

  const guideAt = part.length - written(entry.guide).length;
  let at: number;
  let text: string;
  let lead: number;
  if (line !== null) {
    // Before a heading: the part, then the gap the document keeps between paragraphs.
    at = doc.lines[line].start;
    text = part + eol + gap;
    lead = 0;
  } else {
    // At the end of the body: after the last content line, keeping what follows (the signature) in place.
    const last = doc.lines[Math.max(0, Math.min(ctx.structure.lastContentLine, doc.lineCount - 1))];
    const next = doc.lines[last.index + 1];
    if (next) {
      at = next.start;
      text = gap + part + eol;
      lead = gap.length;
    } else {
      at = last.end;
      text = eol + gap + part;
      lead = eol.length + gap.length;
    }
  }
  const renumber: RawEdit[] = [];
  after.forEach((h, i) => {
    const want = value + 1 + i;
    const span = numeralSpan(h);
    if (span && h.value !== want) renumber.push({ start: span.start, end: span.end, newText: formatNumeral(want, h.style) });
  });
  return { heading, insert: { start: at, end: at, newText: text }, renumber, cursor: lead + guideAt };
}

/**
 * A snippet transform's regex and format that add `delta` (±1) to a four-digit
 * year, carry included (2029 → 2030, 2000 → 1999): snippets cannot add, but a
 * transform can pick the next digit. For years 1901–2098 and their neighbours.
 */
export function yearShift(delta: 1 | -1): { regex: string; format: string } {
  // Last digit that changes without carry: 0–8 up, 1–9 down.
  const plain = delta === 1 ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const carryDigit = delta === 1 ? 9 : 0;
  const wrapped = delta === 1 ? 0 : 9;
  const alternatives: string[] = [];
  const format: string[] = [];
  let group = 1;
  alternatives.push(`(\\d{3})(?:${plain.map((d) => `(${d})`).join('|')})`);
  format.push(`$${group++}`);
  for (const d of plain) format.push(`\${${group++}:+${d + delta}}`);
  // The tens digit changes, the last wraps (2029 → 2030).
  const head = group++;
  alternatives.push(`(\\d\\d)(?:${plain.map((d) => `(${d})`).join('|')})${carryDigit}`);
  format.push(`$${head}`);
  for (const d of plain) format.push(`\${${group++}:+${d + delta}${wrapped}}`);
  // The hundreds change too (1999 → 2000, 2099 → 2100 and back).
  const centuries = delta === 1 ? [[1999, 2000], [2099, 2100]] : [[2000, 1999], [2100, 2099]];
  for (const [from, to] of centuries) {
    alternatives.push(`(${from})`);
    format.push(`\${${group++}:+${to}}`);
  }
  return { regex: `^(?:${alternatives.join('|')})$`, format: format.join('') };
}

/** `${n/regex/format/}` or `${VARIABLE/regex/format/}`. */
function transform(name: string | number, delta: 1 | -1): string {
  const { regex, format } = yearShift(delta);
  return `\${${name}/${regex}/${format}/}`;
}

/** `${2:default}` → `${2}`: a later mention of the same tab stop. */
function tabStopReference(tabStop: string): string {
  return tabStop.slice(0, tabStop.indexOf(':')) + '}';
}

/** Text as a literal inside a snippet body: `$`, `}` and `\\` escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * The whole report as a snippet: title with the year, addressee, the four
 * parts in the 规定's order with one guiding sentence each, signature and
 * date; tab stops where the writer must fill in. With no year (the static
 * snippet), the years are tab stops too.
 */
export function reportSkeleton(catalogue: SectionEntry[], reportYear: number | null): string {
  const entry = (key: SectionKey) => catalogue.find((e) => e.key === key)!;
  let stop = 1;
  let year: string;
  let yearRef: string;
  let yearStop = 0;
  if (reportYear === null) {
    // The year before this one, as the command's default. It is the first stop: an editor applies the
    // plan year's transform when the writer leaves it (Tab), so the plan year follows what was typed.
    yearStop = stop++;
    year = `\${${yearStop}:${transform('CURRENT_YEAR', -1)}}`;
    yearRef = `\${${yearStop}}`;
  } else year = yearRef = String(reportYear);
  const org = `\${${stop++}:某区}`;
  const orgRef = tabStopReference(org);
  const addressee = `\${${stop++}:市人民政府}`;
  const lines = [
    `${org}人民政府关于${year}年度法治政府建设情况的报告`,
    '',
    `${addressee}：`,
    '',
    `${yearRef}年，${orgRef}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，\${${stop++}:扎实推进法治政府建设各项工作}。现将有关情况报告如下：`,
    '',
  ];
  const planYear = reportYear === null ? transform(yearStop, 1) : String(reportYear + 1);
  REGULATION_ORDER.forEach((key, i) => {
    const e = entry(key);
    const title = e.skeleton.replace('YYYY年度', `${planYear}年度`);
    lines.push(`${formatNumbering(i + 1, 'cn-dun')}${title}`, '', `\${${stop++}:${escapeSnippet(e.guide)}}`, '');
  });
  const date = reportYear === null ? '$CURRENT_YEAR年$CURRENT_MONTH月$CURRENT_DATE日' : `${reportYear + 1}年3月1日`;
  lines.push(`${orgRef}人民政府`, '', `\${${stop}:${date}}`, '');
  return lines.join('\n');
}

/** The skeleton of one part, for its snippet: heading (numbering a tab stop) and guiding sentence. */
export function partSnippet(entry: SectionEntry): string {
  const title = entry.skeleton.replace('YYYY年度', '${2:$CURRENT_YEAR}年度');
  const guideStop = title.includes('${2') ? 3 : 2;
  return `\${1:一}、${title}\n\n\${${guideStop}:${escapeSnippet(entry.guide)}}\n`;
}

const SNIPPET_VARIABLES: Record<string, () => string> = {
  CURRENT_YEAR: () => String(new Date().getFullYear()),
  CURRENT_MONTH: () => String(new Date().getMonth() + 1).padStart(2, '0'),
  CURRENT_DATE: () => String(new Date().getDate()).padStart(2, '0'),
};

const TRANSFORM = /\$\{(\d+|[A-Z_]+)\/((?:\\.|[^\\/])*)\/((?:\\.|[^\\/])*)\/([gimsuy]*)\}/g;

/** A snippet transform applied to a value: `$n`, `${n}` and `${n:+text}` in the format. */
function applyTransform(value: string, regex: string, format: string, flags: string): string {
  const source = regex.replace(/\\\//g, '/');
  const re = new RegExp(source, flags);
  return value.replace(re, (...match: unknown[]) => {
    const groups = match.slice(0, match.findIndex((m) => typeof m === 'number')) as (string | undefined)[];
    return formatGroups(format, groups);
  });
}

/** A transform's format with the groups put in: one pass, `\\x` a literal x. */
function formatGroups(format: string, groups: readonly (string | undefined)[]): string {
  let out = '';
  let i = 0;
  const digits = () => {
    const start = i;
    while (i < format.length && format[i] >= '0' && format[i] <= '9') i++;
    return Number(format.slice(start, i));
  };
  while (i < format.length) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      out += format[i + 1];
      i += 2;
    } else if (c === '$' && format[i + 1] >= '0' && format[i + 1] <= '9') {
      i++;
      out += groups[digits()] ?? '';
    } else if (c === '$' && format[i + 1] === '{') {
      i += 2;
      const group = groups[digits()];
      if (format.startsWith(':+', i)) {
        // `${n:+text}`: the text when group n matched.
        i += 2;
        let text = '';
        while (i < format.length && format[i] !== '}') {
          if (format[i] === '\\' && i + 1 < format.length) i++;
          text += format[i++];
        }
        if (group) out += text;
      } else out += group ?? '';
      i++; // the closing }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The snippet with its tab stops resolved to their default text, as a writer gets it by pressing Tab through. */
export function expandSnippet(snippet: string, variables: Record<string, () => string> = SNIPPET_VARIABLES): string {
  // Transforms of tab stops wait until the stops have their text; those of variables apply now.
  const pending: { stop: string; regex: string; format: string; flags: string }[] = [];
  snippet = snippet.replace(TRANSFORM, (m, name: string, regex: string, format: string, flags: string) => {
    if (/^\d+$/.test(name)) {
      pending.push({ stop: name, regex, format, flags });
      return `\u0000${pending.length - 1}\u0000`;
    }
    const value = variables[name]?.();
    return value === undefined ? m : applyTransform(value, regex, format, flags);
  });
  snippet = snippet.replace(/\$([A-Z_]+)/g, (m, name: string) => variables[name]?.() ?? m);
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
  text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string, b: string) => defaults.get(a ?? b) ?? '');
  return text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => {
    const t = pending[Number(i)];
    return applyTransform(defaults.get(t.stop) ?? '', t.regex, t.format, t.flags);
  });
}
