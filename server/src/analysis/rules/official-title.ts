import * as Preset from 'opencc-js/preset/t2cn';
import titleData from '../data/titles.json';
import programmeData from '../data/programmes.json';
import { toSimplified } from '../normalize';
import type { ReportDocument } from '../document';
import type { RawEdit, RawFinding, Rule } from './rule';
import { bookTitleSpans, inDocumentScript, isBlank, isDigit, isHan, isLiteral, proseLines } from './style-text';

interface Known {
  title: string;
  name: string;
  period: [number, number] | null;
}

/** `法治政府建设实施纲要（2021—2025年）` → its name and its years; a period written in any form is read. */
function splitPeriod(title: string): { name: string; period: [number, number] | null } {
  const open = title.lastIndexOf('（');
  if (open < 0 || !title.endsWith('）')) return { name: title, period: null };
  const m = /^(\d{4})年?—(\d{4})年?度?$/.exec(title.slice(open + 1, -1));
  return m ? { name: title.slice(0, open), period: [Number(m[1]), Number(m[2])] } : { name: title, period: null };
}

const PERIODS_JUDGED_ELSEWHERE = new Set(programmeData.programmes.flatMap((p) => p.names));
const KNOWN: Known[] = titleData.titles.map((t) => ({ title: t.title, ...splitPeriod(t.title) }));
const ACCEPTED = new Set<string>([...titleData.titles.map((t) => t.title), ...titleData.titles.flatMap((t) => t.short)]);
const DASHES = '-－–‐‑─―~～〜';

/** How many edits a near miss may have: one, or two in a long title. */
const allowed = (title: string) => (title.length >= 20 ? 2 : 1);

/** Optimal string alignment distance (insertions, deletions, substitutions, swaps of neighbours), stopping past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    rows.push(row);
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** The edits that turn `a` into `b` by the alignment above: [index in a, length in a, text of b]. */
function alignment(a: string, b: string): [number, number, string][] {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  const ops: [number, number, string][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && d[i][j] === d[i - 1][j - 1]) {
      i--;
      j--;
    } else if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + 1) {
      ops.push([i - 1, 1, b[j - 1]]);
      i--;
      j--;
    } else if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && d[i][j] === d[i - 2][j - 2] + 1) {
      ops.push([i - 2, 2, b.slice(j - 2, j)]);
      i -= 2;
      j -= 2;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + 1) {
      ops.push([i - 1, 1, '']);
      i--;
    } else {
      ops.push([i, 0, b[j - 1]]);
      j--;
    }
  }
  return ops.reverse();
}

/**
 * The title as compared: brackets full-width, any dash of a period the 一字线,
 * blanks left out (their own rules judge widths, dashes and spaces). `map` gives
 * each character's index in the written text.
 */
function canonical(inner: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    let c = inner[i];
    if (isBlank(c.charCodeAt(0))) continue;
    if (c === '(') c = '（';
    else if (c === ')') c = '）';
    else if (DASHES.includes(c) || ((c === '一' || c === '—') && isDigit(inner.charCodeAt(i - 1)) && isDigit(inner.charCodeAt(i + 1)))) c = '—';
    if (c === '—' && text.endsWith('—')) continue; // `——` written for the 一字线
    text += c;
    map.push(i);
  }
  return { text, map };
}

let twPhrases: Map<string, string> | undefined;

/**
 * Taiwan phrasing as OpenCC writes it (程序 → 程式, 信息 → 資訊), read back
 * into mainland words: a report converted with Taiwan phrases cites
 * 《重大行政決策程式暫行條例》 throughout, and that is no slip.
 */
function foldTaiwanPhrases(text: string): string {
  if (!twPhrases) {
    twPhrases = new Map();
    const dict = (Preset.from.twp[0] as unknown as (string | [string, string][])[])[0];
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
    for (const [tw, std] of entries) {
      if (!tw || !std || tw.length < 2 || tw.length > 6) continue;
      const from = toSimplified(tw);
      const to = toSimplified(std);
      if (from !== to) twPhrases.set(from, to);
    }
  }
  let out = '';
  for (let i = 0; i < text.length; ) {
    let step = 0;
    for (let len = Math.min(6, text.length - i); len >= 2 && !step; len--) {
      const to = twPhrases.get(text.slice(i, i + len));
      if (to !== undefined) {
        out += to;
        step = len;
      }
    }
    if (!step) {
      out += text[i];
      step = 1;
    }
    i += step;
  }
  return out;
}

/** The level a local document's name starts with: 《市法治政府建设实施纲要》 is the city's own, not a misspelt national one. */
const LEVEL_ENDS = '省市县区州盟旗镇乡';
const isLocalVersion = (name: string, known: string) =>
  name.length > known.length && name.endsWith(known) && LEVEL_ENDS.includes(name[name.length - known.length - 1]);

/** The known title this one is a near miss of, or null: none, or two different ones equally near. */
function nearMiss(text: string): string | null {
  const { name, period } = splitPeriod(text);
  const found = new Set<string>();
  for (const k of KNOWN) {
    if (isLocalVersion(name, k.name)) continue;
    if (Math.abs(text.length - k.title.length) > allowed(k.title) + 2 && Math.abs(text.length - k.name.length) > allowed(k.name)) continue;
    if (k.period && period) {
      const sameYears = period[0] === k.period[0] && period[1] === k.period[1];
      // One year typed wrong (`2022—2025`); two years different may be a plan this list does not know.
      const oneYear = (period[0] === k.period[0] && Math.abs(period[1] - k.period[1]) <= 2) || (period[1] === k.period[1] && Math.abs(period[0] - k.period[0]) <= 2);
      if (!sameYears && !oneYear) continue;
      const d = distance(name, k.name, allowed(k.name));
      if (d > allowed(k.name) || (d > 0 && !sameYears)) continue;
      // A programme whose periods are data (programmes.json) has its years judged by period-mismatch.
      if (!sameYears && PERIODS_JUDGED_ELSEWHERE.has(k.name)) continue;
      found.add(k.title);
    } else if (distance(text, k.title, allowed(k.title)) <= allowed(k.title)) {
      found.add(k.title);
    } else if (k.period && !period && distance(text, k.name, allowed(k.name)) <= allowed(k.name)) {
      // 《法治政府建设实施刚要》: the name without its period, one character off.
      found.add(k.name);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

const isHanOrDigit = (c: string | undefined) => !!c && (isDigit(c.charCodeAt(0)) || isHan(c.charCodeAt(0)));

/**
 * The edits that turn the written title into the exact one, on the characters that differ only. An
 * insertion is joined to the character beside it (`2025` → `2025年`), so that it never touches a
 * bracket or dash another rule may be correcting at the same place. Null when a character cannot be
 * written in the document's script.
 */
function titleEdits(doc: ReportDocument, base: number, close: number, text: string, map: number[], exact: string): RawEdit[] | null {
  const n = text.length;
  const pre = new Array<string>(n).fill('');
  const post = new Array<string>(n).fill('');
  const sub = new Array<string | undefined>(n);
  const loose: RawEdit[] = [];
  for (const [at, len, replacement] of alignment(text, exact)) {
    if (len === 0) {
      if (at > 0 && isHanOrDigit(text[at - 1])) post[at - 1] += replacement;
      else if (at < n && isHanOrDigit(text[at])) pre[at] = replacement + pre[at];
      else {
        const written = inDocumentScript(doc, replacement);
        if (written === null) return null;
        const where = at < n ? base + map[at] : close;
        loose.push({ start: where, end: where, newText: written });
      }
    } else for (let k = 0; k < len; k++) sub[at + k] = replacement[k] ?? '';
  }
  const edits: RawEdit[] = [...loose];
  for (let k = 0; k < n; k++) {
    if (!pre[k] && !post[k] && sub[k] === undefined) continue;
    const at = base + map[k];
    const parts = [inDocumentScript(doc, pre[k]), sub[k] === undefined ? doc.text[at] : inDocumentScript(doc, sub[k]!), inDocumentScript(doc, post[k])];
    if (parts.includes(null)) return null;
    edits.push({ start: at, end: at + 1, newText: parts.join('') });
  }
  return edits.sort((a, b) => a.start - b.start);
}

export const officialTitle: Rule = {
  id: 'official-title',
  title: '文件名称有误',
  severity: 'warning',
  description: '《》中的法律、法规、文件名称与正式名称差一两个字或期限写法不同（如《法治政府建设实施纲要（2021—2025）》缺“年”）；通行简称与未收录的名称不提示',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const traditional = doc.text !== doc.norm;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      if (!line.norm.includes('《')) continue;
      for (const [s, e] of bookTitleSpans(line.norm)) {
        const inner = line.norm.slice(s + 1, e - 1);
        const { text, map } = canonical(inner);
        if (text.length < 4 || ACCEPTED.has(text) || (traditional && ACCEPTED.has(foldTaiwanPhrases(text)))) continue;
        const exact = nearMiss(text);
        if (!exact || !isLiteral(ctx, line.start + s)) continue;
        const edits = titleEdits(doc, line.start + s + 1, line.start + e - 1, text, map, exact);
        const shown = `《${inDocumentScript(doc, exact) ?? exact}》`;
        const finding: RawFinding = {
          start: line.start + s,
          end: line.start + e,
          message: `文件名称有误：${doc.text.slice(line.start + s, line.start + e)}应为${shown}`,
        };
        if (edits && edits.length) finding.fix = { title: `改为${shown}`, edits };
        findings.push(finding);
      }
    }
    return findings;
  },
};
