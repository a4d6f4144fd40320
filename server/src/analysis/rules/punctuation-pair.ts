import type { Line } from '../document';
import type { RawFinding, Rule, RuleContext } from './rule';
import { addressSpans, charTable, isAsciiLetter, isBlank, isHan, isLiteral, isWideMark, looksDamaged, proseLines, SpanCursor } from './style-text';

interface Kind {
  open: string;
  close: string;
  name: string;
}

const BRACKETS: Kind[] = [
  { open: '《', close: '》', name: '书名号' },
  { open: '（', close: '）', name: '括号' },
  { open: '【', close: '】', name: '方头括号' },
  { open: '〔', close: '〕', name: '六角括号' },
  { open: '〈', close: '〉', name: '单书名号' },
  { open: '「', close: '」', name: '直角引号' },
  { open: '『', close: '』', name: '直角引号' },
];
const QUOTES: Kind[] = [
  { open: '“', close: '”', name: '引号' },
  { open: '‘', close: '’', name: '单引号' },
];
const OPENERS = new Map<string, Kind>(BRACKETS.map((k) => [k.open, k]));
const CLOSERS = new Map<string, Kind>(BRACKETS.map((k) => [k.close, k]));
// Half-width brackets pair with either width: `(一）` is a width slip (punctuation-width), not a lone bracket.
OPENERS.set('(', BRACKETS[1]);
CLOSERS.set(')', BRACKETS[1]);
const PAIR_CHARS = charTable([...OPENERS.keys(), ...CLOSERS.keys(), ...QUOTES.flatMap((q) => [q.open, q.close])].join(''));

// A paragraph that ends without closing its sentence is still being written (or was cut off):
// what it opened may close in the words still to come. So is one that ends in an ellipsis or a
// broken character (an excerpt cut short).
const FINISHED = /[。！？!?；;：:”’）)》】〕」』]$/;
const CUT = /(?:\.\.\.|…|\uFFFD)$/;
// A paragraph with no clause mark is a label, a menu or a widget (`【字体：`), not prose.
const SENTENCE_MARK = /[，。；！？,;!?]/;
// `1）`, `a)`, `一）` opening an item: a numbering, not a closing bracket.
const NUMBERING_BEFORE = /(?:^|[\s：:；;。，,、])[0-9A-Za-z一二三四五六七八九十]{1,3}$/;

/**
 * Paragraphs as runs of lines: each line, or lines that continue one paragraph — in Markdown, lines
 * that no blank line or list item separates; in any text, a line that stops mid-sentence and the
 * line after it (a paragraph wrapped by a PDF or a fixed-width copy).
 */
function paragraphs(ctx: RuleContext): Line[][] {
  const { parsed, structure } = ctx;
  const headingLines = new Set(structure.headings.map((h) => h.line));
  const out: Line[][] = [];
  let last = -2;
  let lastText = '';
  for (const line of proseLines(ctx)) {
    if (line.text.trim() === '') {
      last = -2;
      continue;
    }
    const joinable = last === line.index - 1 && !headingLines.has(line.index) && !headingLines.has(last);
    const continues =
      joinable &&
      ((parsed.format === 'markdown' && !/^\s*(?:[-*+>]|\d{1,9}[.)])\s/.test(line.text)) || (!FINISHED.test(lastText) && !CUT.test(lastText) && closesWhatWasOpened(lastText, line.norm)));
    lastText = line.norm.trimEnd();
    if (continues) out[out.length - 1].push(line);
    else out.push([line]);
    last = line.index;
  }
  return out;
}

/** Whether `next` closes, before opening one of its own, a bracket or quotation mark that `text` left open: a wrapped line. */
function closesWhatWasOpened(text: string, next: string): boolean {
  const open = new Map<string, number>();
  for (const c of text) {
    const kind = OPENERS.get(c)?.close ?? (c === '“' ? '”' : c === '‘' ? '’' : undefined);
    if (kind) open.set(kind, (open.get(kind) ?? 0) + 1);
    else if (CLOSERS.has(c) || c === '”' || c === '’') {
      const k = CLOSERS.get(c)?.close ?? c;
      if (open.get(k)) open.set(k, open.get(k)! - 1);
    }
  }
  if (![...open.values()].some((n) => n > 0)) return false;
  const reopened = new Set<string>();
  for (const c of next) {
    const kind = OPENERS.get(c)?.close ?? (c === '“' ? '”' : c === '‘' ? '’' : undefined);
    if (kind) reopened.add(kind);
    else if (CLOSERS.has(c) || c === '”' || c === '’') {
      const k = CLOSERS.get(c)?.close ?? c;
      if (open.get(k) && !reopened.has(k)) return true;
    }
  }
  return false;
}

/** Whether the nearest non-blank character in direction `step` is Chinese or a full-width mark. */
function chineseNear(text: string, i: number, step: 1 | -1): boolean {
  let j = i + step;
  while (j >= 0 && j < text.length && isBlank(text.charCodeAt(j))) j += step;
  const c = text.charCodeAt(j);
  return j >= 0 && j < text.length && (isHan(c) || isWideMark(c));
}

interface Mark {
  at: number;
  ch: string;
}

export const punctuationPair: Rule = {
  id: 'punctuation-pair',
  title: '标点不成对',
  severity: 'warning',
  description: '同一段内引号、书名号、括号不成对，或引号方向有误（前引号“、后引号”）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const findings: RawFinding[] = [];
    const paras = paragraphs(ctx);
    paras.forEach((para, p) => {
      const lastPara = p === paras.length - 1;
      const text = para.map((l) => l.norm).join('\n');
      if (!SENTENCE_MARK.test(text) || looksDamaged(text)) return;
      const trimmed = text.trimEnd();
      const unfinished = CUT.test(trimmed) || (lastPara && !FINISHED.test(trimmed));
      const nextStart = paras[p + 1]?.[0].norm.trimStart()[0];
      // Offsets into the document for each index of `text` (lines joined by one \n).
      const starts: number[] = [];
      let sum = 0;
      for (const l of para) {
        starts.push(sum);
        sum += l.norm.length + 1;
      }
      const offsetOf = (i: number) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= i) lo = mid;
          else hi = mid - 1;
        }
        return para[lo].start + i - starts[lo];
      };
      const addresses = new SpanCursor(addressSpans(text));
      const stack: { i: number; kind: Kind }[] = [];
      const open = new Map<Kind, number>();
      const quotes = new Map<Kind, Mark[]>(QUOTES.map((q) => [q, []]));
      const lone = (i: number, message: string) => {
        // A half-width bracket is judged only in Chinese prose: Chinese on both sides (not pinyin `(guó)`, not a code).
        if ((text[i] === '(' || text[i] === ')') && !(chineseNear(text, i, -1) && chineseNear(text, i, 1))) return;
        const at = offsetOf(i);
        findings.push({ start: at, end: at + 1, message });
      };
      for (let i = 0; i < text.length; i++) {
        if (!PAIR_CHARS[text.charCodeAt(i)]) continue;
        const c = text[i];
        const opener = OPENERS.get(c);
        const closer = CLOSERS.get(c);
        if (addresses.has(i) || !isLiteral(ctx, offsetOf(i))) continue;
        if (c === '’' && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) continue; // an apostrophe
        const quote = QUOTES.find((q) => q.open === c || q.close === c);
        if (quote) {
          quotes.get(quote)!.push({ at: i, ch: c });
        } else if (opener) {
          stack.push({ i, kind: opener });
          open.set(opener, (open.get(opener) ?? 0) + 1);
        } else if (closer) {
          if (!open.get(closer)) {
            if (c === '）' || c === ')') {
              if (NUMBERING_BEFORE.test(text.slice(Math.max(0, i - 5), i))) continue;
            }
            lone(i, `${closer.name}不成对：“${c}”前面没有对应的“${closer.open}”`);
            continue;
          }
          // Brackets opened inside this pair and never closed (each is popped once).
          for (let top = stack.pop()!; ; top = stack.pop()!) {
            open.set(top.kind, open.get(top.kind)! - 1);
            if (top.kind === closer) break;
            lone(top.i, `${top.kind.name}不成对：“${text[top.i]}”没有对应的“${top.kind.close}”`);
          }
        }
      }
      if (!unfinished) for (const s of stack) lone(s.i, `${s.kind.name}不成对：“${text[s.i]}”没有对应的“${s.kind.close}”`);

      for (const [kind, marks] of quotes) {
        if (marks.length === 0) continue;
        let depth = 0;
        let balanced = true;
        for (const m of marks) {
          depth += m.ch === kind.open ? 1 : -1;
          if (depth < 0) balanced = false;
        }
        if (balanced && depth === 0) continue;
        if (marks.length % 2 === 0) {
          // An even number of quotes, out of order: read alternately (open, close, …), the ones written the wrong way round.
          marks.forEach((m, j) => {
            const want = j % 2 === 0 ? kind.open : kind.close;
            if (m.ch === want) return;
            const at = offsetOf(m.at);
            findings.push({
              start: at,
              end: at + 1,
              message: `${kind.name}方向有误：此处应为${j % 2 === 0 ? '前' : '后'}${kind.name}“${want}”`,
              fix: { title: `改为“${want}”`, edits: [{ start: at, end: at + 1, newText: want }] },
            });
          });
          continue;
        }
        // An odd number: one is missing. Read as brackets, the one left over is the one to look at.
        const open: Mark[] = [];
        let stray: Mark | null = null;
        for (const m of marks) {
          if (m.ch === kind.open) open.push(m);
          else if (open.length) open.pop();
          else stray ??= m;
        }
        // Left open at the end of a paragraph whose quotation goes on in the next
        // (GB/T 15834: each paragraph of a long quotation opens with “), or still being written.
        if (!stray && (unfinished || nextStart === kind.open)) continue;
        const opens = marks.filter((m) => m.ch === kind.open).length;
        lone((stray ?? open[0]).at, `${kind.name}不成对：本段有前${kind.name}“${kind.open}”${opens} 个、后${kind.name}“${kind.close}”${marks.length - opens} 个`);
      }
    });
    return findings.sort((a, b) => a.start - b.start);
  },
};
